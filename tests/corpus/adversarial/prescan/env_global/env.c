/* prescan: environment settings read once at start-up. */
#include <stdlib.h>

int warm_start;

void read_environment(void)
{
    warm_start = getenv("WARM_START") != NULL;
}
