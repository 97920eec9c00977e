#include <config.h>
#include "testlib.h"
int main(void) { return 99; }
