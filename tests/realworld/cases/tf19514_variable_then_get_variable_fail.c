/* realworld: tf19514_variable_then_get_variable (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/19514
 *   ("Bug: About tf.Variable and tf.get_variable", 2018-05-24).
 * TF raised: the report shows the message as a screenshot; its text says
 *   get_variable "can't find the variable" scope_1/v1 that tf.Variable
 *   made.  TF 1.15's message for that call (variable_scope.py,
 *   _VariableStore._get_single_variable): "Variable scope_1/v1 does not
 *   exist, or was not created with tf.get_variable(). Did you mean to set
 *   reuse=tf.AUTO_REUSE in VarScope?"
 * Original Python (from the report):
 *   with tf.variable_scope("scope_1"):
 *       v1 = tf.Variable([1], name="v1", dtype=tf.float32)
 *   print v1
 *   with tf.variable_scope("scope_1", reuse=True):
 *       v2 = tf.get_variable("v1", [1])
 * Why: tf.Variable does not enter the variable store that get_variable
 *   shares from (lukaszkaiser in tensorflow#1325: "variables created in
 *   other ways than with tf.get_variable(...) ... are not added or
 *   recognized by variable_scope").
 * Library calls: vs_variable (tf.Variable), vs_get_variable.
 */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_var *v1 = NULL, *v2 = NULL;
    VS_VARIABLE_SCOPE(g, "scope_1") {
        v1 = vs_variable(g, vs_constant(g, VS_FLOAT32, VS_SHAPE(1), (const float[]){1}), .name = "v1", .dtype = VS_FLOAT32);
    }
    printf("%s\n", v1 ? vs_var_name(v1) : "(none)");
    VS_VARIABLE_SCOPE(g, "scope_1", .reuse = VS_REUSE) {
        v2 = vs_get_variable(g, "v1", .shape = VS_SHAPE(1)); // expect: missing-variable
    }
    if (v2)
        printf("%s\n", vs_var_name(v2));
    vs_graph_free(g);
    return 0;
}
