/* api-models: a stacked LSTM built from cells made in a loop (distinct
 * objects) -- and, with argc > 1, from one cell copied into every slot of
 * the array: the second layer calls the cell built for the first,
 * whose kernel does not fit its input. */
// oracle-input: argc 1 2
#include "varscope.h"

enum { DEPTH = 3 };

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_layer *cells[DEPTH];
    vs_layer *one = vs_basic_lstm_cell(g, 32);
    for (int i = 0; i < DEPTH; i++)
        cells[i] = argc > 1 ? one : vs_basic_lstm_cell(g, 32);
    vs_layer *stack = vs_multi_rnn_cell(g, cells, DEPTH);
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(8, 20, 10));
    vs_dynamic_rnn(g, stack, x, .dtype = VS_FLOAT32); // expect: invalid-argument
    vs_graph_free(g);
    return 0;
}
