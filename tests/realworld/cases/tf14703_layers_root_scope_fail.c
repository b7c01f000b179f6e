/* realworld: tf14703_layers_root_scope (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/14703
 *   ("tf.layers uses wrong variable scope", ppwwyyxx, 2017-11-19, TF 1.4).
 * TF raised (quoted from the report):
 *   ValueError: Variable conv2d_1/kernel does not exist, or was not created
 *   with tf.get_variable(). Did you mean to set reuse=None in VarScope?
 * Original Python (from the report):
 *   def f(x):
 *       return tf.layers.conv2d(x, 30, 3)
 *   x = tf.zeros([3, 20, 20, 1])
 *   with tf.variable_scope('a'):
 *       print(f(x))
 *   with tf.variable_scope('a', reuse=True):
 *       print(f(x)) # works
 *   print(f(x))
 *   with tf.variable_scope(tf.get_variable_scope(), reuse=True):
 *       print(f(x)) # failed with: ...
 * Why: a layer's default name is made unique among the names used in
 *   the current variable scope.  Leaving a scope entered by name resets the
 *   counts of its sub-scopes (variable_scope.py, _pure_variable_scope.
 *   __exit__ -> close_variable_subscopes), so the second 'a' block gets
 *   a/conv2d again; the root scope is never left, so its count of conv2d
 *   stays at 1, and the root re-entered with reuse=True names the layer
 *   conv2d_1, which does not exist.
 * Library calls: vs_constant (tf.zeros), vs_conv2d, scopes (block forms).
 * Translation: print() prints the tensor's name.
 */
#include <stdio.h>

#include "varscope.h"

static vs_tensor *f(vs_graph *g, vs_tensor *x)
{
    return vs_conv2d(g, x, 30, 3, 3); // expect: missing-variable
}

static void print_tensor(vs_tensor *t)
{
    if (t)
        printf("Tensor(\"%s\")\n", vs_tensor_name(t));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const float zeros[3 * 20 * 20 * 1];
    vs_tensor *x = vs_constant(g, VS_FLOAT32, VS_SHAPE(3, 20, 20, 1), zeros);
    VS_VARIABLE_SCOPE(g, "a") {
        print_tensor(f(g, x));
    }
    VS_VARIABLE_SCOPE(g, "a", .reuse = VS_REUSE) {
        print_tensor(f(g, x));     /* works */
    }
    print_tensor(f(g, x));
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = VS_REUSE) {
        print_tensor(f(g, x));     /* failed */
    }
    vs_graph_free(g);
    return 0;
}
