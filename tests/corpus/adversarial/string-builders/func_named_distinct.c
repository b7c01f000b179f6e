/* string-builders: builders named after themselves with __func__, each
 * called once, plus a shared one called under a reusing scope the second
 * time: no run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

static void embed(vs_graph *g, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, __func__, .reuse = reuse) {
        vs_get_variable(g, "table", .shape = VS_SHAPE(50, 4));
    }
}

static void head(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, __func__) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 2));
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    embed(g, VS_REUSE_INHERIT);
    head(g);
    if (argc > 1)
        embed(g, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
