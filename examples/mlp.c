/* A small multi-layer perceptron: layers named with snprintf in a loop,
 * weights created once and shared by an evaluation copy of the network.
 * scopecheck finds nothing here. */
#include <stdio.h>

#include "varscope.h"

#define LAYERS 3

static vs_tensor *network(vs_graph *g, vs_tensor *x, vs_reuse reuse)
{
    vs_tensor *h = x;
    VS_VARIABLE_SCOPE(g, "mlp", .reuse = reuse) {
        for (int i = 0; i < LAYERS; i++) {
            char name[16];
            snprintf(name, sizeof name, "layer_%d", i);
            h = vs_dense(g, h, 32, .name = name);
        }
    }
    return h;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *train = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 784), .name = "train");
    vs_tensor *eval = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 784), .name = "eval");
    vs_tensor *y_train = network(g, train, VS_REUSE_INHERIT);
    vs_tensor *y_eval = network(g, eval, VS_REUSE);   /* the same weights */
    printf("%s\n%s\n", vs_tensor_name(y_train), vs_tensor_name(y_eval));
    vs_var *vars[16];
    printf("%zu variables\n", vs_graph_variables(g, vars, 16));
    vs_graph_free(g);
    return 0;
}
