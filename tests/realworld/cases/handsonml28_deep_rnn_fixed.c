/* realworld: handsonml28_deep_rnn (fixed)
 *
 * Source: https://github.com/ageron/handson-ml/issues/28 (see the failing
 *   program's header).
 * Fix (ageron in the thread; the notebook since June 2017): one
 *   BasicRNNCell per layer.
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    int n_inputs = 2, n_steps = 5;
    vs_tensor *X = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, n_steps, n_inputs));
    int n_neurons = 100, n_layers = 3;
    vs_layer *layers[3];
    for (int layer = 0; layer < n_layers; layer++)
        layers[layer] = vs_basic_rnn_cell(g, n_neurons);
    vs_layer *multi_layer_cell = vs_multi_rnn_cell(g, layers, (size_t)n_layers);
    vs_tensor *outputs = vs_dynamic_rnn(g, multi_layer_cell, X, .dtype = VS_FLOAT32);
    (void)outputs;
    vs_graph_free(g);
    return 0;
}
