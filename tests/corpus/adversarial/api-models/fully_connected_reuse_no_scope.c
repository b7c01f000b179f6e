/* api-models: a contrib fully_connected helper asked to reuse without a
 * scope name (TF: "Reuse requires a scope"); with argc > 1 the caller
 * passes the scope and the layer is shared. */
// oracle-input: argc 1 2
#include "varscope.h"

static vs_tensor *head(vs_graph *g, vs_tensor *x, vs_reuse reuse, const char *scope)
{
    return vs_fully_connected(g, x, 10, .reuse = reuse, .scope = scope); // expect: reuse-without-name
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 32));
    const char *scope = argc > 1 ? "head" : NULL;
    head(g, x, VS_REUSE_INHERIT, "head");
    head(g, x, VS_REUSE, scope);
    vs_graph_free(g);
    return 0;
}
