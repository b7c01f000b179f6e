/* realworld: tf32682_conv_layer_twice (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/32682 (see the
 *   failing program's header).
 * Fix (ours): a second Conv2D object for the second convolution; it is
 *   built for 32 input channels (kernel (3, 3, 32, 32)) under its own
 *   name.
 */
#include "tfops.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3072));
    vs_tensor *y = vs_placeholder(g, VS_INT64, VS_SHAPE(-1));

    vs_tensor *x_img = tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, 3, 32, 32));
    x_img = tf_shaped(g, "transpose", VS_FLOAT32, VS_SHAPE(-1, 32, 32, 3));
    (void)x;

    /* Layers Class */
    vs_layer *convLayer_32_3_3 = vs_conv2d_layer(g, 32, 3, 3, .strides = {1, 1}, .padding = VS_SAME, .activation = VS_ACT_RELU, .name = "convLayer_32_3_3");
    vs_layer *conv1_2_layer = vs_conv2d_layer(g, 32, 3, 3, .strides = {1, 1}, .padding = VS_SAME, .activation = VS_ACT_RELU, .name = "conv1_2");
    vs_layer *maxPoolLayer_2_2 = vs_max_pooling2d_layer(g, 2, 2, .strides = {2, 2});

    /* conv1: feature_map */
    vs_tensor *conv1_1 = vs_layer_apply(g, convLayer_32_3_3, x_img);
    vs_tensor *conv1_2 = vs_layer_apply(g, conv1_2_layer, conv1_1);
    (void)y, (void)maxPoolLayer_2_2, (void)conv1_2;
    vs_graph_free(g);
    return 0;
}
