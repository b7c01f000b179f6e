/* api-models: one batch normalization layer object normalizes a conv
 * feature map (rank 4) and then, by mistake, the flattened features
 * (rank 2): the built layer refuses the new rank. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_layer *bn = vs_batch_norm_layer(g, .name = "bn");
    vs_tensor *fmap = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 8, 8, 16));
    vs_tensor *h = vs_layer_apply(g, bn, fmap, .training = true);
    vs_tensor *flat = vs_flatten(g, h);
    vs_layer_apply(g, bn, flat, .training = true); // expect: invalid-argument
    vs_graph_free(g);
    return 0;
}
