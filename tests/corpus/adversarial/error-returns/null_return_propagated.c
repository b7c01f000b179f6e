/* error-returns: every builder returns -1 when a library call returns
 * NULL and the callers propagate it up, exiting their scopes on the way
 * (each exits what it entered before returning).  The classifier's width
 * is 0 with argc 2: vs_get_variable accepts a zero dim, so nothing fails
 * on any run. */
// oracle-input: argc 1 2
#include "varscope.h"

static int layer(vs_graph *g, const char *name, int in, int out)
{
    if (!vs_variable_scope_enter(g, name))
        return -1;
    int rc = vs_get_variable(g, "w", .shape = VS_SHAPE(in, out)) ? 0 : -1;
    vs_scope_exit(g);
    return rc;
}

static int model(vs_graph *g, int classes)
{
    if (!vs_variable_scope_enter(g, "model"))
        return -1;
    int rc = layer(g, "hidden", 32, 32);
    if (rc == 0)
        rc = layer(g, "logits", 32, classes);
    vs_scope_exit(g);
    return rc;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    int rc = model(g, argc > 1 ? 0 : 10);
    vs_graph_free(g);
    return rc != 0;
}
