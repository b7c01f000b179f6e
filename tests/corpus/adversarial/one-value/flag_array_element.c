/* one-value: per-tower "is shared" flags kept in an array, the first set
 * from argc; both passes read flags[0].  Whatever argc is, pass two
 * reuses exactly what pass one created: no run fails. */
// oracle-input: argc 1 2 3
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    int skip[2];
    skip[0] = argc > 1;
    skip[1] = 0;
    vs_graph *g = vs_graph_new();
    for (int t = 0; t < 2; t++) {
        if (skip[t])
            continue;
        VS_VARIABLE_SCOPE(g, t == 0 ? "tower_0" : "tower_1") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(3));
        }
    }
    for (int t = 0; t < 2; t++) {
        if (skip[t])
            continue;
        VS_VARIABLE_SCOPE(g, t == 0 ? "tower_0" : "tower_1", .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(3));
        }
    }
    vs_graph_free(g);
    return 0;
}
