/* api-models: one LSTM cell object stepped on a 10-wide input and then
 * on a 20-wide one: the built kernel is [10 + 8, 32], so the second
 * step's matmul fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_layer *cell = vs_basic_lstm_cell(g, 8);
    vs_tensor *a = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(4, 10));
    vs_tensor *b = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(4, 20));
    vs_rnn_state *s = vs_rnn_zero_state(g, cell, 4, VS_FLOAT32);
    vs_rnn_cell_call(g, cell, a, s);
    vs_rnn_cell_call(g, cell, b, s); // expect: invalid-argument
    vs_graph_free(g);
    return 0;
}
