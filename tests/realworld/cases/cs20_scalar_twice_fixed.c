/* realworld: cs20_scalar_twice (fixed: the pull request's rename)
 *
 * Source: Stanford CS20 "TensorFlow for Deep Learning Research",
 *   examples/02_variables.py, reported and fixed in
 *   https://github.com/chiphuyen/stanford-tensorflow-tutorials/pull/96
 * TF raised (quoted from the report):
 *   ValueError: Variable scalar already exists, disallowed. Did you mean to
 *   set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 * Original (trimmed: sessions and prints removed):
 *   s = tf.Variable(2, name='scalar')
 *   m = tf.Variable([[0, 1], [2, 3]], name='matrix')
 *   W = tf.Variable(tf.zeros([784,10]), name='big_matrix')
 *   V = tf.Variable(tf.truncated_normal([784, 10]), name='normal_matrix')
 *   s = tf.get_variable('scalar', initializer=tf.constant(2))
 *   m = tf.get_variable('matrix', initializer=tf.constant([[0, 1], [2, 3]]))
 *   W = tf.get_variable('big_matrix', shape=(784, 10),
 *                       initializer=tf.zeros_initializer())
 *   V = tf.get_variable('normal_matrix', shape=(784, 10),
 *                       initializer=tf.truncated_normal_initializer())
 *   # Example 2
 *   W = tf.Variable(10)
 *   W = tf.Variable(10)
 *   a = tf.get_variable('scalar', initializer=tf.constant(2))   # <- raises
 * Why: tf.Variable never enters the get_variable store, so the first
 *   get_variable('scalar') creates "scalar" (its op is renamed scalar_1,
 *   the name "scalar" being taken by the tf.Variable); the second one, in
 *   Example 2, finds it with reuse off.
 * Fix (the pull request): the second one is named 'scalar2'.
 * Translation: tf.zeros / tf.truncated_normal are stand-ins of the same
 *   shape (tfops.h); the truncated-normal initializer is the library's
 *   random-normal one (the kind of initializer does not enter the check).
 */
#include "tfops.h"

static const int32_t m22[4] = {0, 1, 2, 3};

int main(void)
{
    vs_graph *g = vs_graph_new();

    /* Example 1: creating variables */
    vs_var *s = vs_variable(g, vs_scalar_i32(g, 2), .name = "scalar");
    vs_var *m = vs_variable(g, vs_constant(g, VS_INT32, VS_SHAPE(2, 2), m22),
                            .name = "matrix");
    vs_var *W = vs_variable(g, tf_shaped(g, "zeros", VS_FLOAT32,
                                         VS_SHAPE(784, 10)),
                            .name = "big_matrix");
    vs_var *V = vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32,
                                         VS_SHAPE(784, 10)),
                            .name = "normal_matrix");

    s = vs_get_variable(g, "scalar",
                        .initializer = vs_init_value(vs_scalar_i32(g, 2)));
    m = vs_get_variable(g, "matrix",
                        .initializer = vs_init_value(vs_constant(
                            g, VS_INT32, VS_SHAPE(2, 2), m22)));
    W = vs_get_variable(g, "big_matrix", .shape = VS_SHAPE(784, 10),
                        .initializer = vs_init_zeros());
    V = vs_get_variable(g, "normal_matrix", .shape = VS_SHAPE(784, 10),
                        .initializer = vs_init_random_normal(0.0, 1.0));

    /* Example 2: assigning values to variables */
    W = vs_variable(g, vs_scalar_i32(g, 10));
    W = vs_variable(g, vs_scalar_i32(g, 10));
    /* create a variable whose original value is 2 */
    vs_var *a = vs_get_variable(g, "scalar2", .initializer = vs_init_value(vs_scalar_i32(g, 2)));

    (void)s, (void)m, (void)W, (void)V, (void)a;
    vs_graph_free(g);
    return 0;
}
