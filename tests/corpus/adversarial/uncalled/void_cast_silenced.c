/* uncalled: a helper referenced only by (void)helper; to silence
 * -Wunused-function while it is being written; it would leak its scope.
 * main forgets an exit of its own on the eval path: with argc > 1 the
 * "eval" scope is open at vs_graph_free. */
// oracle-input: argc 1 2
#include "varscope.h"

static void half_written(vs_graph *g)
{
    vs_variable_scope_enter(g, "wip");
}

int main(int argc, char **argv)
{
    (void)argv;
    (void)half_written;
    vs_graph *g = vs_graph_new();
    vs_variable_scope_enter(g, "eval"); // expect: scope-leak
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    if (argc == 1)
        vs_scope_exit(g);
    vs_graph_free(g);
    return 0;
}
