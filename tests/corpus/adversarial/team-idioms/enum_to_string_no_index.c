/* team-idioms: the enum-to-string switch names each scope by kind only;
 * the second conv's "conv/kernel" already exists. */
#include "varscope.h"

typedef enum layer_kind { LAYER_CONV, LAYER_POOL, LAYER_DENSE } layer_kind;

static const char *layer_kind_name(layer_kind k)
{
    switch (k) {
    case LAYER_CONV: return "conv";
    case LAYER_POOL: return "pool";
    case LAYER_DENSE: return "dense";
    default: return "unknown";
    }
}

int main(void)
{
    static const layer_kind arch[] = {LAYER_CONV, LAYER_POOL, LAYER_CONV, LAYER_DENSE};
    vs_graph *g = vs_graph_new();
    for (unsigned i = 0; i < sizeof arch / sizeof *arch; i++) {
        if (arch[i] == LAYER_POOL)
            continue;
        VS_VARIABLE_SCOPE(g, layer_kind_name(arch[i])) {
            vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
