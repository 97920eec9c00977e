/* import_json.c: not written yet. */
#include <config.h>
typedef int apmwb_stub_import_json;
