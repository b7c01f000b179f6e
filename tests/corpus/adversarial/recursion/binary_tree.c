/* recursion: a binary tree of scopes ("l" and "r" children to depth 3),
 * leaves holding a weight; every path is distinct.  No run fails. */
#include "varscope.h"

static void node(vs_graph *g, int depth)
{
    if (depth == 0) {
        vs_get_variable(g, "leaf", .shape = VS_SHAPE(1));
        return;
    }
    VS_VARIABLE_SCOPE(g, "l") {
        node(g, depth - 1);
    }
    VS_VARIABLE_SCOPE(g, "r") {
        node(g, depth - 1);
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    node(g, 3);
    VS_VARIABLE_SCOPE(g, "r/l/r", .reuse = VS_REUSE) {
        vs_get_variable(g, "leaf", .shape = VS_SHAPE(1));
    }
    vs_graph_free(g);
    return 0;
}
