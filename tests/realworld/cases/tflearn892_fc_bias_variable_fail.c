/* realworld: tflearn892_fc_bias_variable (failing)
 *
 * Source: https://github.com/tflearn/tflearn/issues/892
 *   ("Fully connected layer weight initialization", abhven, 2017-08-31).
 * TF raised (quoted from the report):
 *   ValueError: If initializer is a constant, do not specify shape.
 * Original Python (from the report):
 *   initial = np.array([[1., 0, 0], [0, 1., 0]])
 *   initial = initial.astype('float32')
 *   initial = initial.flatten()
 *   b_fc_loc2 = tf.Variable(initial_value=initial, name='b_fc_loc2')
 *   loc_network = fully_connected(loc_network, 6, bias_init=b_fc_loc2, activation='tanh')
 *   # tflearn/layers/core.py, fully_connected (as the report quotes it):
 *   #   with tf.variable_scope(scope, default_name=name, values=[incoming], reuse=reuse) as scope:
 *   #       W = va.variable('W', shape=[n_inputs, n_units], initializer=W_init, ...)
 *   #       if bias:
 *   #           if isinstance(bias_init, str):
 *   #               bias_init = initializations.get(bias_init)()
 *   #           b = va.variable('b', shape=[n_units], initializer=bias_init, ...)
 *   # tflearn/variables.py, variable(): tf.get_variable(name, shape=shape, initializer=initializer, ...)
 * Why: the bias initializer is a variable (not callable) and the layer
 *   passes the bias's shape: TF 1.15 variable_scope.py,
 *   _VariableStore._get_single_variable refuses a shape with a constant
 *   initializer before anything else.
 * Library calls: today's API (vs_variable, vs_get_variable with
 *   vs_init_value, a default-named variable_scope "FullyConnected").
 * Translation: tflearn's fully_connected is a helper written as its code
 *   is (default weights_init 'truncated_normal' with stddev 0.02, the
 *   input width from the input tensor); the report does not show what
 *   loc_network is before the call: a [None, 20] tensor here (the
 *   localisation network's previous layer); the activation makes no
 *   variable.
 */
#include "tfops.h"

/* tflearn.layers.core.fully_connected(incoming, n_units, bias_init=...) */
static vs_tensor *fully_connected(vs_graph *g, vs_tensor *incoming, int n_units,
                                  const vs_init *bias_init, const char *name)
{
    int64_t n_inputs = vs_tensor_shape(incoming)->dims[1];
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, NULL, .default_name = name) {
        vs_var *W = vs_get_variable(g, "W", .shape = VS_SHAPE(n_inputs, n_units), .initializer = vs_init_truncated_normal(0.0, 0.02));
        vs_init b_init = bias_init ? *bias_init : vs_init_zeros();
        vs_var *b = W ? vs_get_variable(g, "b", .shape = VS_SHAPE(n_units), .initializer = b_init) : NULL; // expect: initializer-mismatch
        if (W && b)
            out = tf_like(g, "Tanh", vs_bias_add(g, vs_matmul(g, incoming, vs_value(W)), vs_value(b)));
    }
    return out;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *loc_network = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 20));
    static const float initial[6] = {1, 0, 0, 0, 1, 0};
    vs_var *b_fc_loc2 = vs_variable(g, vs_constant_f32(g, 6, initial), .name = "b_fc_loc2");
    vs_init bias_init = vs_init_value(vs_value(b_fc_loc2));
    loc_network = fully_connected(g, loc_network, 6, &bias_init, "FullyConnected");
    (void)loc_network;
    vs_graph_free(g);
    return 0;
}
