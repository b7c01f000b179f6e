/* fnptr: the same loop function with a callback that ignores the index:
 * both towers are "tower", the second fails. */
#include "varscope.h"

static void for_each_tower(vs_graph *g, int n, void (*fn)(vs_graph *, int))
{
    for (int t = 0; t < n; t++)
        fn(g, t);
}

static void build_tower(vs_graph *g, int t)
{
    (void)t;
    VS_VARIABLE_SCOPE(g, "tower") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8)); // expect: duplicate-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for_each_tower(g, 2, build_tower);
    vs_graph_free(g);
    return 0;
}
