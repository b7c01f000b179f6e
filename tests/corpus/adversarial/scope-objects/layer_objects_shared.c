/* scope-objects: dense layer objects made once, kept in a struct, and
 * applied to the train input and the eval input of the same width:
 * a layer object shares its weights on every later call; no run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

struct net { vs_layer *hidden, *out; };

static vs_tensor *apply(vs_graph *g, const struct net *n, vs_tensor *x)
{
    return vs_layer_apply(g, n->out, vs_layer_apply(g, n->hidden, x));
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    struct net n = {vs_dense_layer(g, 32, .name = "hidden"),
                    vs_dense_layer(g, 10, .name = "out")};
    vs_tensor *train = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 64));
    apply(g, &n, train);
    if (argc > 1) {
        vs_tensor *eval = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 64));
        apply(g, &n, eval);
    }
    vs_graph_free(g);
    return 0;
}
