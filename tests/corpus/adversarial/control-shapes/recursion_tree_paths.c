/* control-shapes: a binary tree of scopes built recursively ("left",
 * "right" nested to a depth from argc); each node has its own path, so
 * every weight is new: no run fails. */
// oracle-input: argc 1 2 3
#include "varscope.h"

static void node(vs_graph *g, int depth, int width)
{
    vs_get_variable(g, "w", .shape = VS_SHAPE(width));
    if (depth == 0)
        return;
    VS_VARIABLE_SCOPE(g, "left") {
        node(g, depth - 1, width / 2);
    }
    VS_VARIABLE_SCOPE(g, "right") {
        node(g, depth - 1, width / 2);
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "tree") {
        node(g, argc, 64);
    }
    vs_graph_free(g);
    return 0;
}
