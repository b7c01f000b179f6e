/* gnu-c: widths chosen by a switch with GNU case ranges
 * (`case 1 ... 2:`); the layer is shared with AUTO_REUSE and asked for
 * twice with the width of the same case: no run fails. */
// oracle-input: argc 1 2 3 4
#include "varscope.h"

static int width_for(int level)
{
    switch (level) {
    case 1 ... 2:
        return 16;
    case 3 ... 10:
        return 64;
    default:
        return 8;
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 2; i++) {
        VS_VARIABLE_SCOPE(g, "layer", .reuse = VS_AUTO_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(width_for(argc)));
        }
    }
    vs_graph_free(g);
    return 0;
}
