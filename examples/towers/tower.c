/* A tower built by a helper in its own file: train.c calls it twice,
 * once to create the weights and once to share them. */
#include "varscope.h"

vs_tensor *build_tower(vs_graph *g, vs_tensor *x, vs_reuse reuse)
{
    vs_tensor *h = x;
    VS_VARIABLE_SCOPE(g, "tower", .reuse = reuse) {
        h = vs_dense(g, h, 64, .name = "hidden");
        h = vs_dense(g, h, 10, .name = "logits");
    }
    return h;
}
