/* recursion: a chain of 100 nested "cell" scopes (a deep unrolled RNN),
 * each level creating its own weight; then a second chain of the same
 * depth under reuse shares them all.  No run fails. */
#include "varscope.h"

static void chain(vs_graph *g, int n, vs_reuse reuse)
{
    if (n == 0)
        return;
    VS_VARIABLE_SCOPE(g, "cell", .reuse = reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        chain(g, n - 1, reuse);
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    chain(g, 100, VS_REUSE_INHERIT);
    chain(g, 100, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
