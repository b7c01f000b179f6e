/* realworld: tl373_dense_constant_init (failing)
 *
 * Source: https://github.com/tensorlayer/TensorLayer/issues/373
 *   ("If initializer is a constant, do not specify shape.", youkaichao,
 *   2018-03-03).
 * TF raised (quoted from the report):
 *   If initializer is a constant, do not specify shape.
 * Original Python (from the report's comment):
 *   a = tf.placeholder(dtype=tf.float32, shape=[10, 100])
 *   a = InputLayer(a)
 *   b = DenseLayer(a, W_init=tf.constant(value=1.0, dtype=tf.float32, shape=(100, 100)))
 *   # TensorLayer 1.x, layers/dense.py, DenseLayer.__init__ (defaults
 *   # n_units=100, name='dense'):
 *   #   n_in = int(self.inputs.get_shape()[-1])
 *   #   with tf.variable_scope(name):
 *   #       W = tf.get_variable(name='W', shape=(n_in, n_units), initializer=W_init, dtype=LayersConfig.tf_dtype, **W_init_args)
 *   #       if b_init is not None:
 *   #           b = tf.get_variable(name='b', shape=(n_units), initializer=b_init, ...)
 * Why: DenseLayer always passes the kernel's shape to get_variable; a
 *   tensor initializer (not callable) with a shape is refused (TF 1.15
 *   variable_scope.py, _VariableStore._get_single_variable:
 *   "If initializer is a constant, do not specify shape.").
 * Library calls: today's API (vs_get_variable with vs_init_value).
 * Translation: DenseLayer is a helper written as TensorLayer's code is
 *   (variable_scope(name), get_variable of W then b, the input width taken
 *   from the input tensor); InputLayer makes no variable and passes the
 *   tensor on; the activation (identity) makes no variable.
 */
#include "tfops.h"

/* tl.layers.DenseLayer(layer, n_units=100, W_init=..., name='dense') */
static vs_tensor *dense_layer(vs_graph *g, vs_tensor *inputs, int n_units,
                              vs_init w_init, const char *name)
{
    int64_t n_in = vs_tensor_shape(inputs)->dims[vs_tensor_shape(inputs)->rank - 1];
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *W = vs_get_variable(g, "W", .shape = VS_SHAPE(n_in, n_units), .initializer = w_init); // expect: initializer-mismatch
        vs_var *b = W ? vs_get_variable(g, "b", .shape = VS_SHAPE(n_units), .initializer = vs_init_constant(0.0)) : NULL;
        if (W && b)
            out = vs_add(g, vs_matmul(g, inputs, vs_value(W)), vs_value(b));
    }
    return out;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *a = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(10, 100));
    /* a = InputLayer(a): no variable */
    static float ones[100 * 100];
    for (size_t i = 0; i < sizeof ones / sizeof ones[0]; i++)
        ones[i] = 1.0f;
    vs_tensor *w_init = vs_constant(g, VS_FLOAT32, VS_SHAPE(100, 100), ones);  /* tf.constant(value=1.0, shape=(100, 100)) */
    vs_tensor *b = dense_layer(g, a, 100, vs_init_value(w_init), "dense");
    (void)b;
    vs_graph_free(g);
    return 0;
}
