/* cli.c: not written yet. */
#include <config.h>
typedef int apmwb_stub_cli;
