/* fnptr: a loop function takes the tower builder as a callback (the
 * decoder-loop shape); build_tower names each tower by its index, and
 * tower_1 is shared afterwards.  No run fails. */
#include <stdio.h>

#include "varscope.h"

static void for_each_tower(vs_graph *g, int n, void (*fn)(vs_graph *, int))
{
    for (int t = 0; t < n; t++)
        fn(g, t);
}

static void build_tower(vs_graph *g, int t)
{
    char name[24];
    snprintf(name, sizeof name, "tower_%d", t);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for_each_tower(g, 2, build_tower);
    VS_VARIABLE_SCOPE(g, "tower_1", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8));
    }
    vs_graph_free(g);
    return 0;
}
