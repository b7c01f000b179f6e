/* realworld: tfguide_conv_relu_twice (fixed: the guide's own next listings)
 *
 * Source: tensorflow/docs_src/programmers_guide/variables.md, "Sharing
 *   variables" (see tfguide_conv_relu_twice_fail.c).
 * Original (the guide's fix):
 *   def my_image_filter(input_images):
 *       with tf.variable_scope("conv1"):
 *           # Variables created here will be named "conv1/weights", "conv1/biases".
 *           relu1 = conv_relu(input_images, [5, 5, 32, 32], [32])
 *       with tf.variable_scope("conv2"):
 *           # Variables created here will be named "conv2/weights", "conv2/biases".
 *           return conv_relu(relu1, [5, 5, 32, 32], [32])
 *   with tf.variable_scope("model"):
 *     output1 = my_image_filter(input1)
 *   with tf.variable_scope("model", reuse=True):
 *     output2 = my_image_filter(input2)
 */
#include "tfops.h"

static vs_tensor *conv_relu(vs_graph *g, vs_tensor *input, const vs_shape *kernel_shape, const vs_shape *bias_shape)
{
    vs_var *weights = vs_get_variable(g, "weights", .shape = kernel_shape, .initializer = vs_init_random_normal(0.0, 1.0));
    vs_var *biases = vs_get_variable(g, "biases", .shape = bias_shape, .initializer = vs_init_constant(0.0));
    vs_tensor *conv = tf_conv2d(g, input, weights, 1, 1);
    (void)biases;
    return tf_like(g, "Relu", tf_like(g, "add", conv));
}

static vs_tensor *my_image_filter(vs_graph *g, vs_tensor *input_images)
{
    vs_tensor *relu1 = NULL, *out = NULL;
    VS_VARIABLE_SCOPE(g, "conv1") {
        relu1 = conv_relu(g, input_images, VS_SHAPE(5, 5, 32, 32), VS_SHAPE(32));
    }
    VS_VARIABLE_SCOPE(g, "conv2") {
        out = conv_relu(g, relu1, VS_SHAPE(5, 5, 32, 32), VS_SHAPE(32));
    }
    return out;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *input1 = tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(1, 10, 10, 32));
    vs_tensor *input2 = tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(1, 20, 20, 32));
    vs_tensor *output1 = NULL, *output2 = NULL;
    VS_VARIABLE_SCOPE(g, "model") {
        output1 = my_image_filter(g, input1);
    }
    VS_VARIABLE_SCOPE(g, "model", .reuse = VS_REUSE) {
        output2 = my_image_filter(g, input2);
    }
    (void)output1, (void)output2;
    vs_graph_free(g);
    return 0;
}
