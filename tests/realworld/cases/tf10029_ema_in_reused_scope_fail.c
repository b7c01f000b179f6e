/* realworld: tf10029_ema_in_reused_scope (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/10029
 *   ("about tf.train.ExponentialMovingAverage"; the program is the one the
 *   reporter quotes from tensorflow/tensorflow#5827, by ppwwyyxx).
 * TF raised (quoted from the report, TF 0.12 and later 1.x):
 *   "/biased does not exist, or was not created with tf.get_variable(). Did
 *   you mean to set reuse=None in VarScope?"
 *   (#5827 gives the whole name: Variable s/s_1/s_1/add/
 *   ExponentialMovingAverage/biased does not exist ...)
 *   The report's TF averaged tensors with zero_debias, whose "biased"
 *   variable came first; TF 1.15 (zero_debias off by default,
 *   moving_averages.py) fails one step earlier, at the average itself,
 *   which slot_creator also makes with get_variable:
 *   ValueError: Variable s/s_1/add/ExponentialMovingAverage/ does not
 *   exist, or was not created with tf.get_variable(). Did you mean to set
 *   reuse=tf.AUTO_REUSE in VarScope?
 *   Same call, same rule; the library's op is "Add" where Python's `+`
 *   names it "add".
 * Original Python:
 *   def f(v):
 *       ema = tf.train.ExponentialMovingAverage(0.9)
 *       vema = ema.apply([v])
 *       return vema
 *   with tf.variable_scope('s'):
 *       v1 = tf.get_variable('W', shape=[])
 *       v1 = v1 + 1
 *       f(v1)
 *   with tf.variable_scope('s', reuse=True):
 *       v2 = tf.get_variable('W', shape=[])
 *       v2 = v2 + 2
 *       f(v2)
 * Why: ema.apply of a tensor makes its average with get_variable("")
 *   under variable_scope(None, default_name="<op name>/
 *   ExponentialMovingAverage"); the second block re-enters "s" by string,
 *   so v2's op is "s_1/add" and its average "s/s_1/add/..." is new, which
 *   the reusing scope refuses.  (The reporter wanted the network's
 *   variables shared, not the averages.)
 * Library calls: vs_variable_scope_enter (block form, .reuse),
 *   vs_get_variable, vs_add, vs_exponential_moving_average,
 *   vs_ema_apply_tensors.
 */
#include "varscope.h"

static vs_op *f(vs_graph *g, vs_tensor *v)
{
    vs_ema *ema = vs_exponential_moving_average(g, 0.9);
    vs_op *vema = vs_ema_apply_tensors(g, ema, &v, 1); // expect: missing-variable
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
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE) {
        vs_var *W = vs_get_variable(g, "W", .shape = VS_SCALAR);
        vs_tensor *v2 = vs_add(g, vs_value(W), vs_scalar_f32(g, 2.0f));
        f(g, v2);
    }
    vs_graph_free(g);
    return 0;
}
