/* realworld: tl373_dense_constant_init (fixed)
 *
 * Source: https://github.com/tensorlayer/TensorLayer/issues/373
 * Fix: the maintainer's answer in the thread: "Please, use
 *   `tf.constant_initializer(value=1.0)` instead of `tf.constant()`":
 *   b = DenseLayer(a, W_init=tf.constant_initializer(value=1.0))
 *   A callable initializer with DenseLayer's shape is accepted.
 * Translation: as the failing program; W_init is vs_init_constant(1.0).
 */
#include "tfops.h"

/* tl.layers.DenseLayer(layer, n_units=100, W_init=..., name='dense') */
static vs_tensor *dense_layer(vs_graph *g, vs_tensor *inputs, int n_units,
                              vs_init w_init, const char *name)
{
    int64_t n_in = vs_tensor_shape(inputs)->dims[vs_tensor_shape(inputs)->rank - 1];
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *W = vs_get_variable(g, "W", .shape = VS_SHAPE(n_in, n_units), .initializer = w_init);
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
    vs_tensor *b = dense_layer(g, a, 100, vs_init_constant(1.0), "dense");  /* tf.constant_initializer(value=1.0) */
    (void)b;
    vs_graph_free(g);
    return 0;
}
