/* realworld: tflearn892_fc_bias_variable (fixed)
 *
 * Source: https://github.com/tflearn/tflearn/issues/892
 * Fix: the "Solution" of the report, which the maintainer applied ("It
 *   should be fix now"): fully_connected passes the bias's shape only when
 *   bias_init names an initializer:
 *       if isinstance(bias_init, str):
 *           bias_init = initializations.get(bias_init)()
 *           b = va.variable('b', shape=[n_units], initializer=bias_init, ...)
 *       else:
 *           b = va.variable('b', initializer=bias_init, ...)
 *   The user's code is unchanged; get_variable takes the shape from the
 *   variable's value.
 * Translation: as the failing program, with tflearn's fixed helper.
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
        vs_var *b = NULL;
        if (W && !bias_init)      /* bias_init='zeros': a name */
            b = vs_get_variable(g, "b", .shape = VS_SHAPE(n_units), .initializer = vs_init_zeros());
        else if (W)               /* a tensor or variable: no shape */
            b = vs_get_variable(g, "b", .initializer = *bias_init);
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
