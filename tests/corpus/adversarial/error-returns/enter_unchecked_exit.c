/* error-returns: the enter's result is ignored and the exit is
 * unconditional: a scope name with a space (argc 2 picks "my block")
 * fails the enter, and the exit then has nothing to leave. */
// oracle-input: argc 1 2
#include "varscope.h"

static void block(vs_graph *g, const char *name)
{
    vs_variable_scope_enter(g, name); // expect: invalid-name
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    vs_scope_exit(g); // expect: scope-underflow
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    block(g, argc > 1 ? "my block" : "my_block");
    vs_graph_free(g);
    return 0;
}
