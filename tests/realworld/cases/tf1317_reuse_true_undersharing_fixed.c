/* realworld: tf1317_reuse_true_undersharing (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/1317
 * Fix: the report's own workaround (a DO_SHARE flag that is None on the
 *   first step and True after it, as ericjang/draw does): the first entry
 *   of rnnscope creates w, later entries reuse it.
 *   for t in range(T):
 *     with tf.variable_scope("rnnscope", reuse=DO_SHARE):
 *       w = tf.get_variable("w", [1,1])
 *     DO_SHARE = True
 * Translation: T = 3 steps; DO_SHARE is a vs_reuse.
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "scope1", .reuse = VS_REUSE_INHERIT) {
        vs_var *x = vs_get_variable(g, "x", .shape = VS_SHAPE(1, 1));
        (void)x;
    }
    vs_reuse do_share = VS_REUSE_INHERIT;
    for (int t = 0; t < 3; t++) {
        VS_VARIABLE_SCOPE(g, "rnnscope", .reuse = do_share) {
            vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(1, 1));
            (void)w;
        }
        do_share = VS_REUSE;
    }
    vs_graph_free(g);
    return 0;
}
