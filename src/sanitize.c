/* sanitize.c: not written yet. */
#include <config.h>
typedef int apmwb_stub_sanitize;
