/* io-config: the tower count from NUM_TOWERS parsed with strtol, errno
 * and the end pointer checked, and clamped to [1, 4]; towers share after
 * the first.  Whatever the variable holds, no run fails. */
// oracle-input: env NUM_TOWERS - 2 9 x -1
#include <errno.h>
#include <stdlib.h>

#include "varscope.h"

static int towers_from_env(void)
{
    const char *s = getenv("NUM_TOWERS");
    if (!s)
        return 1;
    errno = 0;
    char *end;
    long n = strtol(s, &end, 10);
    if (errno || end == s || *end)
        return 1;
    return n < 1 ? 1 : n > 4 ? 4 : (int)n;
}

int main(void)
{
    int n = towers_from_env();
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < n; i++) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = i ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
