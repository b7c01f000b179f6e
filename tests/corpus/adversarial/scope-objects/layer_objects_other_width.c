/* scope-objects: the same layer objects applied to an eval input with a
 * different feature width (argc 2: 32 features instead of 64): the
 * built hidden layer rejects the new input. */
// oracle-input: argc 1 2
#include "varscope.h"

struct net { vs_layer *hidden, *out; };

static vs_tensor *apply(vs_graph *g, const struct net *n, vs_tensor *x)
{
    vs_tensor *h = vs_layer_apply(g, n->hidden, x); // expect: shape-mismatch
    return h ? vs_layer_apply(g, n->out, h) : NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    struct net n = {vs_dense_layer(g, 32, .name = "hidden"),
                    vs_dense_layer(g, 10, .name = "out")};
    apply(g, &n, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 64)));
    int eval_features = argc > 1 ? 32 : 64;
    apply(g, &n, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, eval_features)));
    vs_graph_free(g);
    return 0;
}
