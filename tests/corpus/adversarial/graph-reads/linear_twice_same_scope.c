/* graph-reads: a linear() helper takes its input width from the input
 * tensor (x.get_shape()[1] in TF); called twice in one scope without
 * reuse, its "w" exists the second time.  TF raises "already exists"
 * before it looks at the shape: duplicate on every run. */
#include "varscope.h"

static vs_tensor *linear(vs_graph *g, vs_tensor *x, int n)
{
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(vs_tensor_shape(x)->dims[1], n)); // expect: duplicate-variable
    return vs_matmul(g, x, vs_value(w)); // expect: invalid-argument
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 6), .name = "x");
    VS_VARIABLE_SCOPE(g, "mlp") {
        vs_tensor *h = linear(g, x, 6);
        linear(g, h, 6);
    }
    vs_graph_free(g);
    return 0;
}
