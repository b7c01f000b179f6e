/* gnu-c: a switch with GNU case ranges gives the train width from argc
 * and the eval width from argc + 1; at the range's edge (argc 2: train
 * 16, eval 64) the shared weight is asked for with another shape. */
// oracle-input: argc 1 2 3
#include "varscope.h"

static int width_for(int level)
{
    switch (level) {
    case 0 ... 2:
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
    VS_VARIABLE_SCOPE(g, "layer", .reuse = VS_AUTO_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(width_for(argc)));
    }
    VS_VARIABLE_SCOPE(g, "layer", .reuse = VS_AUTO_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(width_for(argc + 1))); // expect: shape-mismatch
    }
    vs_graph_free(g);
    return 0;
}
