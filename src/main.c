/* main.c: not written yet. */
#include <config.h>
int main(void) { return 0; }
