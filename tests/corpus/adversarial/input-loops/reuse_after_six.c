/* input-loops: the same ring with the reuse switched on one turn late
 * (i >= 6): turn five creates slot_0 again without reuse when argc >= 6. */
// oracle-input: argc 1 3 5 6 7 9
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[24];
    for (int i = 0; i < argc; i++) {
        snprintf(name, sizeof name, "slot_%d", i % 5);
        VS_VARIABLE_SCOPE(g, "ring", .reuse = i >= 6 ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, name, .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
