/* realworld: effectivetf26_conv2d_reuse (fixed)
 *
 * Source: https://github.com/vahidk/EffectiveTensorflow/issues/26 (see the
 *   failing program's header).
 * Fix: both layers are named "conv1": the functional conv2d enters its
 *   name as a variable scope (string entry, reuse inherited), so the second
 *   call shares conv1/kernel and conv1/bias.  (The reporter's own variant
 *   with get_variable('conv1_w') works as well.)
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *image1 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 100, 100, 3));
    vs_tensor *image2 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 100, 100, 3));
    vs_tensor *features1 = vs_conv2d(g, image1, 32, 3, 3, .name = "conv1");
    /* Use the same convolution weights to process the second image */
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = VS_REUSE) {
        vs_tensor *features2 = vs_conv2d(g, image2, 32, 3, 3, .name = "conv1");
        (void)features2;
    }
    (void)features1;
    vs_graph_free(g);
    return 0;
}
