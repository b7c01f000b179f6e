/* api-models: a debugging helper names a variable after the tensor it
 * watches, vs_tensor_name(t) -- "Relu:0" -- and TF refuses ':' in a
 * variable name. */
#include "varscope.h"

static vs_var *watch(vs_graph *g, vs_tensor *t)
{
    return vs_get_variable(g, vs_tensor_name(t), .shape = vs_tensor_shape(t), .not_trainable = true); // expect: invalid-name
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(2, 4));
    vs_tensor *h = vs_relu(g, x);
    watch(g, h);
    vs_graph_free(g);
    return 0;
}
