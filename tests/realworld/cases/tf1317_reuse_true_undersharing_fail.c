/* realworld: tf1317_reuse_true_undersharing (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/1317
 *   ("tf.get_variable() behavior somewhat inconsistent across reuse=True,
 *   reuse=None", ericjang, 2016-02-27).
 * TF raised (quoted from the report, TF 0.7):
 *   ValueError: Under-sharing: Variable rnnscope/w does not exist,
 *   disallowed. Did you mean to set reuse=None in VarScope?
 *   (TF 1.15 words it "Variable rnnscope/w does not exist, or was not
 *   created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE
 *   in VarScope?": variable_scope.py, _VariableStore._get_single_variable.)
 * Original Python (from the report):
 *   with tf.variable_scope("scope1", reuse=None):
 *     x = tf.get_variable("x", [1,1])   # this works
 *   with tf.variable_scope("rnnscope", reuse=True):
 *     w = tf.get_variable("w", [1,1])   # this fails
 * Why: under reuse=True get_variable only looks a variable up; rnnscope/w
 *   was never created.
 * Library calls: today's API.
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "scope1", .reuse = VS_REUSE_INHERIT) {
        vs_var *x = vs_get_variable(g, "x", .shape = VS_SHAPE(1, 1));
        (void)x;
    }
    VS_VARIABLE_SCOPE(g, "rnnscope", .reuse = VS_REUSE) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(1, 1)); // expect: missing-variable
        (void)w;
    }
    vs_graph_free(g);
    return 0;
}
