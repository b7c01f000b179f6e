/* realworld: tf_variable_scope_docstring (fixed: the docstring's sharing
 * examples)
 *
 * Source: TensorFlow 1.15's docstring of tf.variable_scope
 *   (tensorflow/python/ops/variable_scope.py), see
 *   tf_variable_scope_docstring_fail.c.
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
 */
#include <assert.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_var *v = NULL, *v1 = NULL;
    VS_VARIABLE_SCOPE(g, "foo") {
        v = vs_get_variable(g, "v", .shape = VS_SHAPE(1));
    }
    VS_VARIABLE_SCOPE(g, "foo", .reuse = VS_REUSE) {
        v1 = vs_get_variable(g, "v", .shape = VS_SHAPE(1));
    }
    assert(v1 == v);
    vs_graph_free(g);

    g = vs_graph_new();
    VS_VARIABLE_SCOPE_AS(scope, g, "foo") {
        v = vs_get_variable(g, "v", .shape = VS_SHAPE(1));
        vs_reuse_variables(scope);
        v1 = vs_get_variable(g, "v", .shape = VS_SHAPE(1));
    }
    assert(v1 == v);
    vs_graph_free(g);
    return 0;
}
