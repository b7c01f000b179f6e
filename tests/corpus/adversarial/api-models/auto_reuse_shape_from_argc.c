/* api-models: a get-or-create helper under AUTO_REUSE, asked for the
 * same table with a width from the command line: equal widths share,
 * a different one is a shape mismatch. */
// oracle-input: argc 1 2
#include "varscope.h"

static vs_var *table(vs_graph *g, int width)
{
    vs_var *t = NULL;
    VS_VARIABLE_SCOPE(g, "tables", .reuse = VS_AUTO_REUSE) {
        t = vs_get_variable(g, "emb", .shape = VS_SHAPE(100, width)); // expect: shape-mismatch
    }
    return t;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    table(g, 16);
    table(g, argc > 1 ? 32 : 16);
    vs_graph_free(g);
    return 0;
}
