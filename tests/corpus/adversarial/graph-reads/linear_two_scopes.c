/* graph-reads: the same linear() in two scopes, then the first layer
 * shared with the width read from the same tensor.  No run fails. */
#include "varscope.h"

static vs_tensor *linear(vs_graph *g, vs_tensor *x, int n)
{
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(vs_tensor_shape(x)->dims[1], n));
    return vs_matmul(g, x, vs_value(w));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 6), .name = "x");
    vs_tensor *h = NULL;
    VS_VARIABLE_SCOPE(g, "l1") {
        h = linear(g, x, 4);
    }
    VS_VARIABLE_SCOPE(g, "l2") {
        linear(g, h, 2);
    }
    VS_VARIABLE_SCOPE(g, "l1", .reuse = VS_REUSE) {
        linear(g, x, 4);
    }
    vs_graph_free(g);
    return 0;
}
