/* realworld: tf32682_conv_layer_twice (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/32682 (TF 1.14;
 *   Python beside this file: tf32682_conv_layer_twice.py).
 * TF raised (the report's title and traceback, TF 1.14):
 *   ValueError: ... expected axis -1 of input shape to have value 3 ...
 *   ---> 20 conv1_2 = convLayer_32_3_3(conv1_1)
 *   (TF 1.15's text, keras/engine/input_spec.py assert_input_compatibility:
 *   "Input 0 of layer convLayer_32_3_3 is incompatible with the layer:
 *   expected axis -1 of input shape to have value 3 but received input
 *   with shape [None, 32, 32, 32]")
 * Why: the layer object is built by its first call: kernel (3, 3, 3, 32)
 *   and an input spec {-1: 3}.  Calling the same object on conv1_1 (32
 *   channels) checks that spec before anything else and fails.  The
 *   library reports TF's ValueError as shape-mismatch (docs/varscope.md:
 *   a built layer called with another channel count).
 * Library calls: vs_conv2d_layer (.name, .padding, .activation),
 *   vs_max_pooling2d_layer, vs_layer_apply.
 * Translation: tf.keras.layers.Conv2D and MaxPool2D are written with the
 *   library's tf.layers objects (TF 1.15's tf.layers.Conv2D subclasses the
 *   keras layer and runs the same input check; the name is given, so
 *   keras's naming does not enter).  tf.reshape and tf.transpose make no
 *   variable: tfops.h stand-ins with TF's shapes.
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
    vs_layer *maxPoolLayer_2_2 = vs_max_pooling2d_layer(g, 2, 2, .strides = {2, 2});

    /* conv1: feature_map */
    vs_tensor *conv1_1 = vs_layer_apply(g, convLayer_32_3_3, x_img);
    vs_tensor *conv1_2 = vs_layer_apply(g, convLayer_32_3_3, conv1_1); // expect: shape-mismatch
    (void)y, (void)maxPoolLayer_2_2, (void)conv1_2;
    vs_graph_free(g);
    return 0;
}
