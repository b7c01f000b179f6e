/* control-shapes: the cleanup label exits `depth` scopes, but depth is
 * incremented before the enter is checked; the second enter fails on a
 * name with a space (argc 2 asks for "bad block") and the cleanup exits
 * one scope too many. */
// oracle-input: argc 1 2
#include "varscope.h"

static int build(vs_graph *g, const char *block_name)
{
    int depth = 0, rc = -1;
    depth++;
    if (!vs_variable_scope_enter(g, "net"))
        goto out;
    depth++;
    if (!vs_variable_scope_enter(g, block_name)) // expect: invalid-name
        goto out;
    vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    rc = 0;
out:
    while (depth-- > 0)
        vs_scope_exit(g); // expect: scope-underflow
    return rc;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    build(g, argc > 1 ? "bad block" : "block");
    vs_graph_free(g);
    return 0;
}
