/* team-idioms: an enum-to-string switch names each layer's scope
 * ("conv", "pool", "dense") and the index is appended; the architecture
 * has two convs, named conv0 and conv2: no run fails. */
#include <stdio.h>

#include "varscope.h"

typedef enum layer_kind { LAYER_CONV, LAYER_POOL, LAYER_DENSE } layer_kind;

static const char *layer_kind_name(layer_kind k)
{
    switch (k) {
    case LAYER_CONV: return "conv";
    case LAYER_POOL: return "pool";
    case LAYER_DENSE: return "dense";
    }
    return "unknown";
}

int main(void)
{
    static const layer_kind arch[] = {LAYER_CONV, LAYER_POOL, LAYER_CONV, LAYER_DENSE};
    vs_graph *g = vs_graph_new();
    for (size_t i = 0; i < sizeof arch / sizeof arch[0]; i++) {
        if (arch[i] == LAYER_POOL)
            continue;
        char name[32];
        snprintf(name, sizeof name, "%s%zu", layer_kind_name(arch[i]), i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3));
        }
    }
    vs_graph_free(g);
    return 0;
}
