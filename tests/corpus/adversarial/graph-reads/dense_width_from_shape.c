/* graph-reads: units of a dense layer taken from another tensor's shape
 * (the target's width); the layer is shared under reuse with an input of
 * the same width.  No run fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 5), .name = "x");
    vs_tensor *target = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3), .name = "target");
    int units = (int)vs_tensor_shape(target)->dims[1];
    vs_dense(g, x, units, .name = "head");
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_dense(g, x, units, .name = "head");
    }
    vs_graph_free(g);
    return 0;
}
