/* realworld: tf8779_int32_reuse (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/8779
 *   ("Contrintuitive get_variable dtype checks")
 * Original (from the report):
 *   a = tf.get_variable('a', initializer=tf.zeros(2, tf.int32))
 *   with tf.variable_scope('', reuse=True):
 *     tf.get_variable('a', initializer=tf.zeros(2, tf.int32)) # raises ValueError
 *     tf.get_variable('a', initializer=tf.zeros(2, tf.int16)) # raises ValueError
 *
 *   b = tf.get_variable('b', initializer=tf.zeros(2))
 *   with tf.variable_scope('', reuse=True):
 *     tf.get_variable('b', initializer=tf.zeros(2, tf.int32)) # works
 * TF raised: ValueError (the report's comments); the report explains it:
 *   "TF will compare dtype of existing variable `a` (tf.int32) against the
 *   dtype of the next get_variable call, which is tf.float32 (which is the
 *   default value for dtype argument of get_variable)" -- TF 1.15's text:
 *   "Trying to share variable a, but specified dtype float32 and found
 *   dtype int32_ref."
 * Fix: give the dtype when sharing, dtype=tf.int32 (the report's own
 *   proposal, "check the dtype of the existing variable", was not taken:
 *   TF 1.15 still raises).
 * Translation: the tf.int16 line is left out, the library has no int16
 *   yet (issue 10, item 7); it raises for the same reason as the line
 *   before it.  Each line of the report was an experiment of its own: the
 *   C program goes on after the first failure, as the report did.
 */
#include "varscope.h"

static const int32_t zeros_i32[2] = {0, 0};
static const float zeros_f32[2] = {0, 0};

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_get_variable(g, "a", .initializer = vs_init_value(vs_constant_i32(g, 2, zeros_i32)));
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "a", .initializer = vs_init_value(vs_constant_i32(g, 2, zeros_i32))); // expect: missing-dtype
    }

    vs_get_variable(g, "b", .initializer = vs_init_value(vs_constant_f32(g, 2, zeros_f32)));
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "b", .initializer = vs_init_value(vs_constant_i32(g, 2, zeros_i32)));
    }
    vs_graph_free(g);
    return 0;
}
