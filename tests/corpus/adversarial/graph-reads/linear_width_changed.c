/* graph-reads: the shared layer is applied to a wider input (8 columns
 * instead of 6): the width read from the tensor makes the shape (8, 4)
 * where (6, 4) exists: shape-mismatch on every run. */
#include "varscope.h"

static vs_tensor *linear(vs_graph *g, vs_tensor *x, int n)
{
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(vs_tensor_shape(x)->dims[1], n)); // expect: shape-mismatch
    return vs_matmul(g, x, vs_value(w)); // expect: invalid-argument
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 6), .name = "x");
    vs_tensor *y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 8), .name = "y");
    VS_VARIABLE_SCOPE(g, "proj") {
        linear(g, x, 4);
    }
    VS_VARIABLE_SCOPE(g, "proj", .reuse = VS_REUSE) {
        linear(g, y, 4);
    }
    vs_graph_free(g);
    return 0;
}
