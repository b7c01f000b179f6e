/* macro-expansion: REPEAT4(m) applies a layer macro to 0..3; the layer
 * names its scope by stringizing and pasting ("layer" #i) and keeps a
 * depth counter named by token pasting (depth_##i).  Four distinct
 * layers are clean; with an argument one more LAYER(2) is made by hand:
 * "Variable layer2/w already exists". */
// oracle-input: argc 1 2
#include "varscope.h"

#define REPEAT4(m) m(0) m(1) m(2) m(3)
#define LAYER(i)                                                           \
    VS_VARIABLE_SCOPE(g, "layer" #i) {                                     \
        int depth_##i = i + 1;                                             \
        vs_get_variable(g, "w", .shape = VS_SHAPE(depth_##i));             \
    }

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    REPEAT4(LAYER)
    if (argc > 1)
        LAYER(2) // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
