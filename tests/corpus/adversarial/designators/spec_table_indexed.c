/* designators: a layer spec table given by index out of order, with a
 * .shared flag; in index order "fc" is created (index 1) before it is
 * shared (index 2).  No run fails. */
#include <stdbool.h>

#include "varscope.h"

struct layer_spec {
    const char *scope;
    int units;
    bool shared;
};

static const struct layer_spec specs[] = {
    [2] = {.scope = "fc", .units = 16, .shared = true},
    [0] = {.scope = "stem", .units = 16, .shared = false},
    [1] = {.scope = "fc", .units = 16, .shared = false},
};

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *h = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 16), .name = "x");
    for (int i = 0; i < 3; i++) {
        VS_VARIABLE_SCOPE(g, specs[i].scope, .reuse = specs[i].shared ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(16, specs[i].units));
        }
    }
    (void)h;
    vs_graph_free(g);
    return 0;
}
