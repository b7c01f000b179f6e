/* macro-expansion: FOR_N(v, n) declares its counter by token pasting
 * (`for (int v##_i = 0; v##_i < (n); v##_i++)`) and IDX(v) reads it.
 * Two towers, the second sharing the first's layers; the layer count of
 * a tower is argc, plus the tower's index when argc > 2 (a "deeper
 * second tower" option): then tower 1 asks, under reuse, for a layer
 * tower 0 never made: "Variable tower/w3 does not exist, or was not
 * created with tf.get_variable()". */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

#define FOR_N(v, n) for (int v##_i = 0; v##_i < (n); v##_i++)
#define IDX(v) v##_i

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[16];
    FOR_N(tower, 2) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = IDX(tower) > 0 ? VS_REUSE : VS_REUSE_INHERIT) {
            FOR_N(layer, argc > 2 ? argc + IDX(tower) : argc) {
                snprintf(name, sizeof name, "w%d", IDX(layer));
                vs_get_variable(g, name, .shape = VS_SHAPE(2)); // expect: missing-variable
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
