/* c-idioms: layer specs are sorted by depth with qsort and a comparator
 * callback, then looked up with bsearch to attach each head to its
 * layer.  Two specs share depth 2 and name "mid"; after the sort they
 * sit next to each other and the second creates mid/w again. */
#include <stdlib.h>

#include "varscope.h"

typedef struct spec {
    int depth;
    const char *name;
    int width;
} spec;

static int by_depth(const void *a, const void *b)
{
    const spec *x = a, *y = b;
    return (x->depth > y->depth) - (x->depth < y->depth);
}

int main(void)
{
    spec specs[] = {{3, "top", 2}, {2, "mid", 4}, {1, "low", 8}, {2, "mid", 4}};
    size_t n = sizeof specs / sizeof *specs;
    qsort(specs, n, sizeof *specs, by_depth);
    vs_graph *g = vs_graph_new();
    for (size_t i = 0; i < n; i++) {
        VS_VARIABLE_SCOPE(g, specs[i].name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(specs[i].width)); // expect: duplicate-variable
        }
    }
    spec key = {3, NULL, 0};
    spec *top = bsearch(&key, specs, n, sizeof *specs, by_depth);
    if (top) {
        VS_VARIABLE_SCOPE(g, top->name, .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(top->width));
        }
    }
    vs_graph_free(g);
    return 0;
}
