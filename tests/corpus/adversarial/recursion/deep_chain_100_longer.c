/* recursion: the second chain is one level deeper (101) than the first:
 * its innermost cell asks for a weight never created under reuse
 * (missing-variable at depth 101). */
#include "varscope.h"

static void chain(vs_graph *g, int n, vs_reuse reuse)
{
    if (n == 0)
        return;
    VS_VARIABLE_SCOPE(g, "cell", .reuse = reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: missing-variable
        chain(g, n - 1, reuse);
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    chain(g, 100, VS_REUSE_INHERIT);
    chain(g, 101, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
