/* prescan: the team's string helpers. */
#include <stdio.h>

void make_name(char *buf, size_t n, const char *base, int i)
{
    snprintf(buf, n, "%s_%d", base, i);
}
