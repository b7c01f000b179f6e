/* buffer-writes: "layer_0" patched in place, name[6] = '0' + i, for each
 * of five layers: layer_0 .. layer_4, all distinct; no run fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *h = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 32), .name = "input");
    char name[] = "layer_0";

    for (int i = 0; i < 5; i++) {
        name[6] = (char)('0' + i);
        h = vs_dense(g, h, 32, .name = name);
    }
    vs_graph_free(g);
    return 0;
}
