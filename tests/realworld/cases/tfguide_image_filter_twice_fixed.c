/* realworld: tfguide_image_filter_twice (fixed: the guide's reuse_variables())
 *
 * Source: TensorFlow's programmer's guide, "Sharing Variables":
 *   tensorflow/docs_src/programmers_guide/variable_scope.md
 *   (https://github.com/tensorflow/tensorflow/blob/1e7ad87dfd00a742d97fc5b6434dfca9179e5c8f/tensorflow/docs_src/programmers_guide/variable_scope.md)
 * TF raised (quoted from the guide):
 *   result1 = my_image_filter(image1)
 *   result2 = my_image_filter(image2)
 *   # Raises ValueError(... conv1/weights already exists ...)
 * Original:
 *   def conv_relu(input, kernel_shape, bias_shape):
 *       weights = tf.get_variable("weights", kernel_shape,
 *           initializer=tf.random_normal_initializer())
 *       biases = tf.get_variable("biases", bias_shape,
 *           initializer=tf.constant_initializer(0.0))
 *       conv = tf.nn.conv2d(input, weights,
 *           strides=[1, 1, 1, 1], padding='SAME')
 *       return tf.nn.relu(conv + biases)
 *   def my_image_filter(input_images):
 *       with tf.variable_scope("conv1"):
 *           relu1 = conv_relu(input_images, [5, 5, 32, 32], [32])
 *       with tf.variable_scope("conv2"):
 *           return conv_relu(relu1, [5, 5, 32, 32], [32])
 * Fix (the guide): "you need to specify it by setting reuse_variables()":
 *   with tf.variable_scope("image_filters") as scope:
 *       result1 = my_image_filter(image1)
 *       scope.reuse_variables()
 *       result2 = my_image_filter(image2)
 * Translation: image1 and image2 are not defined in the guide; two 32-
 *   channel images are taken (the kernels' input depth is 32).
 *   tf.nn.conv2d and tf.nn.relu are stand-ins (tfops.h).
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
    vs_tensor *image1 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, 10, 10, 32));
    vs_tensor *image2 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, 20, 20, 32));
    vs_tensor *result1 = NULL, *result2 = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "image_filters") {
        result1 = my_image_filter(g, image1);
        vs_reuse_variables(scope);
        result2 = my_image_filter(g, image2);
    }
    (void)result1, (void)result2;
    vs_graph_free(g);
    return 0;
}
