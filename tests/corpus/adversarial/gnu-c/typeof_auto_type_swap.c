/* gnu-c: a SWAP macro with __typeof__ swaps the train and eval graphs
 * (`__auto_type` for the temporaries); the model is built into the eval
 * graph after the swap (argc 2), once per graph: no run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

#define SWAP(a, b) do { __typeof__(a) t_ = (a); (a) = (b); (b) = t_; } while (0)

static void model(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    __auto_type train = vs_graph_new();
    __auto_type eval = vs_graph_new();
    model(train);
    if (argc > 1) {
        SWAP(train, eval);
        model(train);
    }
    vs_graph_free(train);
    vs_graph_free(eval);
    return 0;
}
