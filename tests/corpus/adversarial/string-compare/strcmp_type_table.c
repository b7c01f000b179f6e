/* string-compare: a layer list with types as strings; "dense" entries
 * become dense layers, "dropout" entries create nothing.  The two dense
 * layers have names of their own: no run fails. */
#include <string.h>

#include "varscope.h"

static const struct {
    const char *type, *name;
    int units;
} layers[] = {
    {"dense", "hidden", 32},
    {"dropout", "hidden", 0},
    {"dense", "logits", 10},
};

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *h = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 64), .name = "x");
    for (int i = 0; i < 3; i++) {
        if (strcmp(layers[i].type, "dense") == 0)
            h = vs_dense(g, h, layers[i].units, .name = layers[i].name);
    }
    vs_graph_free(g);
    return 0;
}
