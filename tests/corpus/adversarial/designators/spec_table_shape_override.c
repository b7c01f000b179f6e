/* designators: a spec entry whose .units is given twice (a merge kept
 * both lines): the last, 32, is the layer's width.  The shared layer
 * asks for [16, 16]: shape-mismatch on every run. */
#include "varscope.h"

struct layer_spec {
    const char *scope;
    int units;
};

static const struct layer_spec specs[] = {
    {.scope = "fc", .units = 16, .units = 32},
};

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, specs[0].scope) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(16, specs[0].units));
    }
    VS_VARIABLE_SCOPE(g, "fc", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(16, 16)); // expect: shape-mismatch
    }
    vs_graph_free(g);
    return 0;
}
