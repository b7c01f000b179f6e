/* realworld: handsonml28_deep_rnn (failing)
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
 * TF 1.15 (the version the library follows) fails at the same call with
 *   another error: since TF 1.4 a cell object keeps the weights its
 *   first call made (1.4: the cached _Linear; 1.15: LayerRNNCell.build).
 *   The shared cell builds its kernel (102, 100) in layer 0; layer 1
 *   calls the built cell again and its MatMul of [?, 200] by (102, 100)
 *   fails the shape function (rnn_cell_impl.py, BasicRNNCell.build/call;
 *   MultiRNNCell.__init__ only logs "At least two cells provided to MultiRNNCell are
 *   the same object and will share weights.").  The same stacking on TF
 *   1.12 (aqibsaeed/Multilabel-timeseries-classification-with-LSTM#8):
 *     InvalidArgumentError: Dimensions must be equal, but are 128 and 65
 *     for 'rnn/while/rnn/multi_rnn_cell/cell_0/lstm_cell/MatMul_1' (op:
 *     'MatMul') with input shapes: [?,128], [65,256].
 *   Here: "Dimensions must be equal, but are 200 and 102 for
 *   'rnn/while/rnn/multi_rnn_cell/cell_0/basic_rnn_cell/MatMul_1'", a
 *   ValueError the library reports as invalid-argument: the mark is on
 *   the report's line with TF 1.15's code.
 * Library calls: vs_basic_rnn_cell, vs_multi_rnn_cell,
 *   vs_dynamic_rnn (.dtype).
 */
#include "varscope.h"

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
    vs_tensor *outputs = vs_dynamic_rnn(g, multi_layer_cell, X, .dtype = VS_FLOAT32); // expect: invalid-argument
    (void)outputs;
    vs_graph_free(g);
    return 0;
}
