/* realworld: tf19514_variable_then_get_variable (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/19514
 * Fix (ours, following lukaszkaiser's answer in tensorflow#1325: only
 *   variables made by get_variable are shared): the variable is created
 *   with tf.get_variable too,
 *   with tf.variable_scope("scope_1"):
 *       v1 = tf.get_variable("v1", [1], dtype=tf.float32,
 *                            initializer=tf.constant_initializer(1))
 *   with tf.variable_scope("scope_1", reuse=True):
 *       v2 = tf.get_variable("v1", [1])
 */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_var *v1 = NULL, *v2 = NULL;
    VS_VARIABLE_SCOPE(g, "scope_1") {
        v1 = vs_get_variable(g, "v1", .shape = VS_SHAPE(1), .dtype = VS_FLOAT32, .initializer = vs_init_constant(1));
    }
    printf("%s\n", v1 ? vs_var_name(v1) : "(none)");
    VS_VARIABLE_SCOPE(g, "scope_1", .reuse = VS_REUSE) {
        v2 = vs_get_variable(g, "v1", .shape = VS_SHAPE(1));
    }
    if (v2)
        printf("%s\n", vs_var_name(v2));
    vs_graph_free(g);
    return 0;
}
