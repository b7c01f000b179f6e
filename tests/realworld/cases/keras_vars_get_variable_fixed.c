/* realworld: keras_vars_get_variable (fixed: the variables taken from the graph's list)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/26629
 *   ("Keras Error: Variable does not exist, or was not created with
 *   tf.get_variable()"), cross-posted from keras-team/keras#12457
 * TF raised (the report's title): Variable does not exist, or was not
 *   created with tf.get_variable() -- TF 1.15's text for the first variable:
 *   "Variable scope_1/scope_2/conv1/kernel does not exist, or was not
 *   created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE
 *   in VarScope?"
 * Original (from the report):
 *   import tensorflow.keras as ks
 *   def scope_error_test():
 *       input_holder = tf.placeholder(dtype=tf.float32, shape=(None, 368, 368, 3), name='input')
 *       with tf.variable_scope("scope_1"):
 *           with tf.variable_scope("scope_2"):
 *               conv1 = ks.layers.Conv2D(kernel_size=7, filters=64, strides=2, padding='same',
 *                                        activation=tf.nn.relu, name='conv1')(input_holder)
 *               pool1 = ks.layers.MaxPool2D(pool_size=3, padding='same', strides=2,
 *                                           name='pool1')(inputs=conv1)
 *       print(pool1.get_shape().as_list())
 *   with tf.Session() as sess:
 *       scope_error_test()
 *       sess.run(tf.global_variables_initializer())
 *       print(tf.global_variables())
 *       with tf.variable_scope('', reuse=True):
 *           for variable in tf.global_variables():
 *               var_name = variable.name.split(':')[0]
 *               var_tf = tf.get_variable(var_name)
 * Why: a Keras layer makes its weights with add_weight, which creates a
 *   plain tf.Variable under the layer's name scope; such variables are in
 *   tf.global_variables() but not in get_variable's store, so looking them
 *   up by name with reuse=True finds nothing.
 * Fix: take the variables from tf.global_variables() themselves (or create
 *   them with tf.get_variable-based layers if they must be shared by name).
 * Translation: ks.layers.Conv2D is written as what it does in graph mode
 *   (keras/engine/base_layer.py, Layer.__call__ and add_weight): its
 *   variables "kernel" [7, 7, 3, 64] and "bias" [64] are tf.Variables in
 *   the name scope "conv1" under the current one; conv and pool ops are
 *   stand-ins (tfops.h).  The names come back from the graph
 *   (vs_graph_variables, vs_var_name) and are cut at ':' as in the report.
 */
#include "tfops.h"

static vs_tensor *keras_conv2d(vs_graph *g, vs_tensor *x, int filters, int k, int s, const char *name)
{
    vs_tensor *out = NULL;
    VS_NAME_SCOPE(g, name) {
        int64_t in_ch = vs_tensor_shape(x)->dims[3];
        vs_var *kernel = vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(k, k, in_ch, filters)), .name = "kernel");
        vs_var *bias = vs_variable(g, tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(filters)), .name = "bias");
        (void)bias;
        out = tf_like(g, "Relu", tf_conv2d(g, x, kernel, s, 1));
    }
    return out;
}

static void scope_error_test(vs_graph *g)
{
    vs_tensor *input_holder = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 368, 368, 3), .name = "input");
    VS_VARIABLE_SCOPE(g, "scope_1") {
        VS_VARIABLE_SCOPE(g, "scope_2") {
            vs_tensor *conv1 = keras_conv2d(g, input_holder, 64, 7, 2, "conv1");
            vs_tensor *pool1 = tf_pool(g, "pool1", conv1, 3, 2, 1);
            (void)pool1;
        }
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    scope_error_test(g);
    vs_var *vars[16];
    size_t n = vs_graph_variables(g, vars, 16);
    for (size_t i = 0; i < n && i < 16; i++) {
        vs_var *var_tf = vars[i];    /* for variable in tf.global_variables() */
        (void)var_tf;
    }
    vs_graph_free(g);
    return 0;
}
