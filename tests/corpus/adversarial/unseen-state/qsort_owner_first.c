/* unseen-state: layer specs listed in file order, then sorted by their
 * build order with qsort so that each shared layer comes after its owner.
 * After the sort "fc" is created, then shared: no run fails (in file
 * order the shared spec would come first and find nothing). */
#include <stdlib.h>

#include "varscope.h"

struct spec {
    const char *name;
    int order;
    int shared;
};

static int by_order(const void *a, const void *b)
{
    const struct spec *x = a, *y = b;
    return x->order - y->order;
}

int main(void)
{
    struct spec specs[] = {
        {"fc", 2, 1},
        {"fc", 1, 0},
        {"out", 3, 0},
    };
    qsort(specs, 3, sizeof specs[0], by_order);
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 3; i++) {
        VS_VARIABLE_SCOPE(g, specs[i].name, .reuse = specs[i].shared ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
        }
    }
    vs_graph_free(g);
    return 0;
}
