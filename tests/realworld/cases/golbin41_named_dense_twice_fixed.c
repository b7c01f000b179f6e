/* realworld: golbin41_named_dense_twice (fixed: distinct names; a helper
 * that shares asks for reuse)
 *
 * Source: https://github.com/golbin/TensorFlow-Tutorials/issues/41 (see
 *   golbin41_named_dense_twice_fail.c).
 * Fix: two layers meant to be different get different names; the helper
 *   meant to be applied twice with one set of weights shares them through
 *   AUTO_REUSE on its scope (16 -> 16 keeps the kernel's shape).
 */
#include "varscope.h"

static vs_tensor *dense_layer(vs_graph *g, vs_tensor *model)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, "shared", .reuse = VS_AUTO_REUSE) {
        out = vs_dense(g, model, 16, .name = "dense1");
    }
    return out;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *model = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 16));
    model = vs_dense(g, model, 16, .name = "dense1");
    model = vs_dense(g, model, 32, .name = "dense2");
    vs_graph_free(g);

    g = vs_graph_new();
    model = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 16));
    model = dense_layer(g, model);
    model = dense_layer(g, model);
    vs_graph_free(g);
    return 0;
}
