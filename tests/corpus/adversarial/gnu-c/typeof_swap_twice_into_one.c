/* gnu-c: the __typeof__ SWAP of two graphs done twice by mistake (argc
 * 2), which swaps them back: the "eval" model is built into the train
 * graph again and its weight is created twice. */
// oracle-input: argc 1 2
#include "varscope.h"

#define SWAP(a, b) do { __typeof__(a) t_ = (a); (a) = (b); (b) = t_; } while (0)

static void model(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *a = vs_graph_new();
    vs_graph *b = vs_graph_new();
    model(a);
    SWAP(a, b);
    if (argc > 1)
        SWAP(a, b);
    model(a);
    vs_graph_free(a);
    vs_graph_free(b);
    return 0;
}
