/* realworld: tf10705_contrib_fc_twice (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/10705 (see the
 *   failing program's header).
 * Fix (lukaszkaiser in the thread): build_dnn takes the reuse flag and
 *   passes it to fully_connected; None the first time, True after.
 */
#include "varscope.h"

static vs_tensor *build_dnn(vs_graph *g, vs_tensor *input, vs_reuse reuse)
{
    vs_tensor *output = vs_fully_connected(g, input, 3, .reuse = reuse, .scope = "DNN");
    return output;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 10));
    vs_tensor *y1 = build_dnn(g, x, VS_REUSE_INHERIT);
    vs_tensor *y2 = build_dnn(g, x, VS_REUSE);
    (void)y1, (void)y2;
    vs_graph_free(g);
    return 0;
}
