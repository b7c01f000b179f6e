/* realworld (pending): handsonml28_deep_rnn (failing)
 *
 * Source: https://github.com/ageron/handson-ml/issues/28 (notebook
 *   14_recurrent_neural_networks.ipynb, "Deep RNN"; Python beside this
 *   file: handsonml28_deep_rnn.py).
 * TF raised (quoted from the report, TF 1.2):
 *   ValueError: Trying to share variable
 *   rnn/multi_rnn_cell/cell_0/basic_rnn_cell/kernel, but specified shape
 *   (200, 100) and found shape (102, 100).
 * Why: [basic_cell] * n_layers stacks one cell object three times: layer 0
 *   (input 2 + state 100 = 102 rows) and layer 1 (100 + 100 = 200) share
 *   one kernel.
 * TF 1.15 note: as in udacity132_multirnn_same_cell, the built cell fails
 *   at the same call with a MatMul dimension error instead (cells are
 *   layers since TF 1.5); check the mark against the library's code.
 * Needs (provisional.h): vs_basic_rnn_cell, vs_multi_rnn_cell,
 *   vs_dynamic_rnn (.dtype).
 */
#include "provisional.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    int n_inputs = 2, n_steps = 5;
    vs_tensor *X = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, n_steps, n_inputs));
    int n_neurons = 100, n_layers = 3;
    vs_layer *basic_cell = vs_basic_rnn_cell(g, n_neurons);
    vs_layer *cells[3];
    for (int i = 0; i < n_layers; i++)
        cells[i] = basic_cell; /* [basic_cell] * n_layers */
    vs_layer *multi_layer_cell = vs_multi_rnn_cell(g, cells, (size_t)n_layers);
    vs_tensor *outputs = vs_dynamic_rnn(g, multi_layer_cell, X, .dtype = VS_FLOAT32); // expect: shape-mismatch
    (void)outputs;
    vs_graph_free(g);
    return 0;
}
