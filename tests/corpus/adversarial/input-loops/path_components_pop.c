/* input-loops: a scope per path component given on the command line
 * (`prog encoder layer0`), then one exit per argument to leave them: the
 * pop loop counts argv[0] too, so it closes "model" as well, and the
 * final exit of "model" finds nothing open. */
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
    for (int i = 0; i < argc; i++)
        vs_scope_exit(g);
    vs_scope_exit(g); // expect: scope-underflow
    vs_graph_free(g);
    return 0;
}
