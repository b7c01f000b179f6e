/* macro-expansion: FOR_N(v, n) declares its counter by token pasting
 * (`v##_i`) and IDX(v) reads it; towers after the first reuse the first
 * one's layers (the same count in each): clean on every run. */
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
    FOR_N(tower, 3) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = IDX(tower) > 0 ? VS_REUSE : VS_REUSE_INHERIT) {
            FOR_N(layer, argc) {
                snprintf(name, sizeof name, "w%d", IDX(layer));
                vs_get_variable(g, name, .shape = VS_SHAPE(2));
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
