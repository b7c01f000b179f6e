/* api-models: one dense layer object shared by a 32-wide and (with
 * argc > 1) a 64-wide input: the second call fails the built layer's
 * input check. */
// oracle-input: argc 1 2
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_layer *proj = vs_dense_layer(g, 10, .name = "proj");
    vs_tensor *a = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 32));
    vs_tensor *b = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, argc > 1 ? 64 : 32));
    vs_layer_apply(g, proj, a);
    vs_layer_apply(g, proj, b); // expect: shape-mismatch
    vs_graph_free(g);
    return 0;
}
