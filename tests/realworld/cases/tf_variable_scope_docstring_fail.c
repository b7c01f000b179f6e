/* realworld: tf_variable_scope_docstring (failing)
 *
 * Source: TensorFlow 1.15's documentation of tf.variable_scope, the
 *   docstring of class variable_scope in
 *   tensorflow/python/ops/variable_scope.py (r1.15):
 *   "To prevent accidental sharing of variables, we raise an exception
 *   when getting an existing variable in a non-reusing scope." and
 *   "Similarly, we raise an exception when trying to get a variable that
 *   does not exist in reuse mode."
 * TF raised (quoted from the docstring):
 *   with tf.variable_scope("foo"):
 *       v = tf.get_variable("v", [1])
 *       v1 = tf.get_variable("v", [1])
 *       #  Raises ValueError("... v already exists ...").
 *   with tf.variable_scope("foo", reuse=True):
 *       v = tf.get_variable("v", [1])
 *       #  Raises ValueError("... v does not exists ...").
 * Fix (the docstring's own examples before these):
 *   with tf.variable_scope("foo"):
 *       v = tf.get_variable("v", [1])
 *   with tf.variable_scope("foo", reuse=True):
 *       v1 = tf.get_variable("v", [1])
 *   assert v1 == v
 *   with tf.variable_scope("foo") as scope:
 *       v = tf.get_variable("v", [1])
 *       scope.reuse_variables()
 *       v1 = tf.get_variable("v", [1])
 *   assert v1 == v
 * Translation: each docstring example is a program of its own, so each
 *   gets its own graph.
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "foo") {
        vs_var *v = vs_get_variable(g, "v", .shape = VS_SHAPE(1));
        vs_var *v1 = vs_get_variable(g, "v", .shape = VS_SHAPE(1)); // expect: duplicate-variable
        (void)v, (void)v1;
    }
    vs_graph_free(g);

    g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "foo", .reuse = VS_REUSE) {
        vs_var *v = vs_get_variable(g, "v", .shape = VS_SHAPE(1)); // expect: missing-variable
        (void)v;
    }
    vs_graph_free(g);
    return 0;
}
