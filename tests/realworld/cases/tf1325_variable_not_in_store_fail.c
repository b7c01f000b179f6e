/* realworld: tf1325_variable_not_in_store (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/1325
 *   ("tf.get_variable() cannot recognize existing variables", TF 0.7).
 * TF raised (quoted from the report):
 *   ValueError: Under-sharing: Variable conv/w does not exist, disallowed.
 *   Did you mean to set reuse=None in VarScope?
 *   (TF 1.15: "Variable conv/w does not exist, or was not created with
 *   tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in
 *   VarScope?")
 * Original Python (from the report and the reporter's follow-up
 *   "Creating the variable the usual way using tf.Variable does not add
 *   the variable name to self._vars"):
 *   with tf.variable_scope("conv"):
 *       w = tf.Variable(..., name="w")          # prints conv/w:0
 *   with tf.variable_scope("conv", reuse=True):
 *       x = tf.get_variable("w", [1])
 * Why: tf.Variable does not enter the variable store (lukaszkaiser:
 *   "variables created in other ways than with tf.get_variable(...), esp.
 *   by the lower-level tf.Variable, are not added or recognized by
 *   variable_scope").
 * Library calls: vs_variable, vs_get_variable.
 * Translation: the report does not show the tf.Variable's initial value;
 *   a [1] float32 zero is used (the shape the get_variable asks for).
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "conv") {
        vs_var *w = vs_variable(g, vs_constant(g, VS_FLOAT32, VS_SHAPE(1), (const float[]){0}), .name = "w");
        (void)w;
    }
    VS_VARIABLE_SCOPE(g, "conv", .reuse = VS_REUSE) {
        vs_var *x = vs_get_variable(g, "w", .shape = VS_SHAPE(1)); // expect: missing-variable
        (void)x;
    }
    vs_graph_free(g);
    return 0;
}
