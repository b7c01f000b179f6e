/* input-loops: path_components_pop.c fixed: the pop loop leaves one
 * scope per argument after argv[0], and the last exit closes "model". */
// oracle-input: argc 1 2 3 4
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    vs_graph *g = vs_graph_new();
    vs_variable_scope_enter(g, "model");
    for (int i = 1; i < argc; i++)
        vs_variable_scope_enter(g, argv[i][0] ? "part" : "empty");
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    for (int i = 1; i < argc; i++)
        vs_scope_exit(g);
    vs_scope_exit(g);
    vs_graph_free(g);
    return 0;
}
