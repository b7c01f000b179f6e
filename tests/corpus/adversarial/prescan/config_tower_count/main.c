/* prescan: the tower count comes from towers.c, which names nothing of
 * varscope; towers tower_0 and tower_1 are built, then tower_1 shared.
 * No run fails. */
#include <stdio.h>

#include "varscope.h"

int num_towers(void);

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[24];
    for (int t = 0; t < num_towers(); t++) {
        snprintf(name, sizeof name, "tower_%d", t);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    VS_VARIABLE_SCOPE(g, "tower_1", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    vs_graph_free(g);
    return 0;
}
