/* realworld: tf1325_variable_not_in_store (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/1325
 * Fix (lukaszkaiser's answer in the thread): the variable to be shared is
 *   made with tf.get_variable, which puts it in the store:
 *   with tf.variable_scope("conv"):
 *       w = tf.get_variable("w", [1])
 *   with tf.variable_scope("conv", reuse=True):
 *       x = tf.get_variable("w", [1])
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "conv") {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(1));
        (void)w;
    }
    VS_VARIABLE_SCOPE(g, "conv", .reuse = VS_REUSE) {
        vs_var *x = vs_get_variable(g, "w", .shape = VS_SHAPE(1));
        (void)x;
    }
    vs_graph_free(g);
    return 0;
}
