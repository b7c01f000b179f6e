/* control-shapes: a recursive tree whose node scopes are named by level
 * ("level_1", ...) and entered at the root (the recursion exits its
 * scope before recursing, to keep names short): two nodes at the same
 * level share a name, so with depth 1 or more (argc 2, 3) the second
 * child creates its weight again. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

static void node(vs_graph *g, int level, int depth)
{
    char name[16];
    snprintf(name, sizeof name, "level_%d", level);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
    if (level >= depth)
        return;
    node(g, level + 1, depth);
    node(g, level + 1, depth);
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    node(g, 0, argc - 1);
    vs_graph_free(g);
    return 0;
}
