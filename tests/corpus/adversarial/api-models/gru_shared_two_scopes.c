/* api-models: one GRU cell object runs two sequences, the second under
 * another scope: TF 1.15 shares the built cell's weights (no error);
 * with argc > 1 the second sequence is 12 wide where the first was 8,
 * and the built kernel refuses it at the MatMul. */
// oracle-input: argc 1 2
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_layer *cell = vs_gru_cell(g, 16);
    vs_tensor *a = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(4, 10, 8));
    vs_tensor *b = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(4, 10, argc > 1 ? 12 : 8));
    VS_VARIABLE_SCOPE(g, "question") {
        vs_dynamic_rnn(g, cell, a, .dtype = VS_FLOAT32);
    }
    VS_VARIABLE_SCOPE(g, "answer") {
        vs_dynamic_rnn(g, cell, b, .dtype = VS_FLOAT32); // expect: invalid-argument
    }
    vs_graph_free(g);
    return 0;
}
