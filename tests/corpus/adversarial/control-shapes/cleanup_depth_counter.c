/* control-shapes: early-return error handling with a cleanup label that
 * exits as many scopes as were entered (a depth counter incremented only
 * on a successful enter); a failure halfway (argc 2: a width of 0 asks
 * for nothing, the builder bails out) still exits both scopes.  No
 * library call fails. */
// oracle-input: argc 1 2
#include "varscope.h"

static int build(vs_graph *g, int width)
{
    int depth = 0, rc = -1;
    if (!vs_variable_scope_enter(g, "net"))
        goto out;
    depth++;
    if (!vs_variable_scope_enter(g, "block"))
        goto out;
    depth++;
    if (width <= 0)
        goto out;
    if (!vs_get_variable(g, "w", .shape = VS_SHAPE(width)))
        goto out;
    rc = 0;
out:
    while (depth-- > 0)
        vs_scope_exit(g);
    return rc;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    build(g, argc > 1 ? 0 : 8);
    vs_graph_free(g);
    return 0;
}
