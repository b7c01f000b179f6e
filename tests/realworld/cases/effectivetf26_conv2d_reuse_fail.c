/* realworld: effectivetf26_conv2d_reuse (failing)
 *
 * Source: https://github.com/vahidk/EffectiveTensorflow/issues/26 (Python
 *   beside this file: effectivetf26_conv2d_reuse.py).
 * TF raised (quoted from the report):
 *   ValueError: Variable conv2d_1/kernel does not exist, or was not created
 *   with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in
 *   VarScope?
 * Why: without a name, each tf.layers.conv2d call makes a new layer whose
 *   scope is the default name made unique (conv2d, conv2d_1); the reuse of
 *   the enclosing scope does not make the second call find conv2d/kernel.
 * Library calls: vs_conv2d.
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *image1 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 100, 100, 3));
    vs_tensor *image2 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 100, 100, 3));
    vs_tensor *features1 = vs_conv2d(g, image1, 32, 3, 3);
    /* Use the same convolution weights to process the second image */
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = VS_REUSE) {
        vs_tensor *features2 = vs_conv2d(g, image2, 32, 3, 3); // expect: missing-variable
        (void)features2;
    }
    (void)features1;
    vs_graph_free(g);
    return 0;
}
