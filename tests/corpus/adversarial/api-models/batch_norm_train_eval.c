/* api-models: the same named batch normalization built for training and,
 * under reuse, for evaluation (shares gamma, beta and the moving
 * statistics); with argc > 1 a third copy forgets reuse and fails. */
// oracle-input: argc 1 2
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 8, 8, 16));
    vs_batch_normalization(g, x, .name = "bn", .training = true);
    vs_batch_normalization(g, x, .name = "bn", .reuse = VS_REUSE);
    if (argc > 1)
        vs_batch_normalization(g, x, .name = "bn"); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
