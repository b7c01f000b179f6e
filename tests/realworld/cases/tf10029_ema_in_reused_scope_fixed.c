/* realworld: tf10029_ema_in_reused_scope (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/10029 (see the
 *   failing program's header).
 * Fix: the maintainer's advice in tensorflow/tensorflow#2740 (joel-shor):
 *   "ExponentialMovingAverage create variables, so for future safety you
 *   might consider using it as if it respected variable scopes (ie don't
 *   put it in resuse=True variable scopes that it doesn't need to be
 *   in)": the network's W is shared inside the reusing block, the second
 *   average is made after it, at the root ("s_1/add/
 *   ExponentialMovingAverage").
 */
#include "varscope.h"

static vs_op *f(vs_graph *g, vs_tensor *v)
{
    vs_ema *ema = vs_exponential_moving_average(g, 0.9);
    vs_op *vema = vs_ema_apply_tensors(g, ema, &v, 1);
    return vema;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "s") {
        vs_var *W = vs_get_variable(g, "W", .shape = VS_SCALAR);
        vs_tensor *v1 = vs_add(g, vs_value(W), vs_scalar_f32(g, 1.0f));
        f(g, v1);
    }
    vs_tensor *v2 = NULL;
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE) {
        vs_var *W = vs_get_variable(g, "W", .shape = VS_SCALAR);
        v2 = vs_add(g, vs_value(W), vs_scalar_f32(g, 2.0f));
    }
    f(g, v2);
    vs_graph_free(g);
    return 0;
}
