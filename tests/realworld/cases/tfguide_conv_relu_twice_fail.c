/* realworld: tfguide_conv_relu_twice (failing)
 *
 * Source: TensorFlow's programmer's guide, "Variables", section "Sharing
 *   variables": tensorflow/docs_src/programmers_guide/variables.md
 *   (https://github.com/tensorflow/tensorflow/blob/06495bb6e1924fba96842616c7600e79ba91a116/tensorflow/docs_src/programmers_guide/variables.md)
 * TF raised: the guide marks the line "# This fails." and explains: "Since
 *   the desired behavior is unclear (create new variables or reuse the
 *   existing ones?) TensorFlow will fail."  TF 1.15's message: "Variable
 *   weights already exists, disallowed. Did you mean to set reuse=True or
 *   reuse=tf.AUTO_REUSE in VarScope?"
 * Original:
 *   def conv_relu(input, kernel_shape, bias_shape):
 *       weights = tf.get_variable("weights", kernel_shape,
 *           initializer=tf.random_normal_initializer())
 *       biases = tf.get_variable("biases", bias_shape,
 *           initializer=tf.constant_initializer(0.0))
 *       conv = tf.nn.conv2d(input, weights,
 *           strides=[1, 1, 1, 1], padding='SAME')
 *       return tf.nn.relu(conv + biases)
 *   input1 = tf.random_normal([1,10,10,32])
 *   input2 = tf.random_normal([1,20,20,32])
 *   x = conv_relu(input1, kernel_shape=[5, 5, 32, 32], bias_shape=[32])
 *   x = conv_relu(x, kernel_shape=[5, 5, 32, 32], bias_shape = [32])  # This fails.
 * Fix (the guide's next listings): one variable scope per layer
 *   (my_image_filter with "conv1", "conv2"), and sharing across inputs by
 *   re-entering "model" with reuse=True.
 * Translation: tf.random_normal, tf.nn.conv2d, the add and tf.nn.relu are
 *   stand-ins (tfops.h); the conv's output shape is TF's.
 */
#include "tfops.h"

static vs_tensor *conv_relu(vs_graph *g, vs_tensor *input, const vs_shape *kernel_shape, const vs_shape *bias_shape)
{
    vs_var *weights = vs_get_variable(g, "weights", .shape = kernel_shape, .initializer = vs_init_random_normal(0.0, 1.0)); // expect: duplicate-variable
    vs_var *biases = vs_get_variable(g, "biases", .shape = bias_shape, .initializer = vs_init_constant(0.0));
    vs_tensor *conv = tf_conv2d(g, input, weights, 1, 1);
    (void)biases;
    return tf_like(g, "Relu", tf_like(g, "add", conv));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *input1 = tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(1, 10, 10, 32));
    vs_tensor *input2 = tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(1, 20, 20, 32));
    vs_tensor *x = conv_relu(g, input1, VS_SHAPE(5, 5, 32, 32), VS_SHAPE(32));
    x = conv_relu(g, x, VS_SHAPE(5, 5, 32, 32), VS_SHAPE(32));  /* This fails. */
    (void)input2;
    vs_graph_free(g);
    return 0;
}
