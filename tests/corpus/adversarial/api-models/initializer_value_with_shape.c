/* api-models: a variable initialized from a constant tensor, with its
 * shape also given (TF: "If initializer is a constant, do not specify
 * shape."); with argc > 1 the helper leaves the shape out. */
// oracle-input: argc 1 2
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    static const float init[4] = {1, 0, 0, 1};
    vs_graph *g = vs_graph_new();
    vs_tensor *eye = vs_constant(g, VS_FLOAT32, VS_SHAPE(2, 2), init);
    if (argc > 1)
        vs_get_variable(g, "eye", .initializer = vs_init_value(eye));
    else
        vs_get_variable(g, "eye", .shape = VS_SHAPE(2, 2), .initializer = vs_init_value(eye)); // expect: initializer-mismatch
    vs_graph_free(g);
    return 0;
}
