/* realworld: udacity132_multirnn_same_cell (failing)
 *
 * Source: https://github.com/udacity/deep-learning/issues/132 (excerpt
 *   beside this file: udacity132_multirnn_same_cell.py).
 * TF raised (quoted from the report, TF 1.1):
 *   Trying to share variable
 *   rnn/multi_rnn_cell/cell_0/basic_lstm_cell/weights, but specified shape
 *   (1024, 2048) and found shape (595, 2048).
 * Why: [drop] * num_layers puts the same cell object in both layers.  Layer
 *   0 sees the one-hot input (83 + 512 = 595 rows); layer 1 sees layer 0's
 *   output (512 + 512 = 1024) but, being the same cell, looks for the same
 *   weights.
 * TF 1.15 (the version the library follows) fails at the same call with
 *   another error: since TF 1.4 a cell object keeps the weights its
 *   first call made (1.4: the cached _Linear; 1.15: LayerRNNCell.build).
 *   The shared cell builds its kernel (595, 2048) in layer 0; layer 1
 *   calls the built cell again and its MatMul of [100, 1024] by
 *   (595, 2048) fails the shape function (rnn_cell_impl.py,
 *   BasicLSTMCell.build/call).  The same notebook code on a later TF (Currie32/Movie-Reviews-Sentiment#1,
 *   whose build_lstm is this one):
 *     ValueError: Dimensions must be equal, but are 128 and 364 for
 *     'RNN_forward/rnn/while/rnn/multi_rnn_cell/cell_0/cell_0/
 *     basic_lstm_cell/MatMul_1' (op: 'MatMul') with input shapes:
 *     [250,128], [364,256].
 *   Here: "Dimensions must be equal, but are 1024 and 595 for
 *   'rnn/while/rnn/multi_rnn_cell/cell_0/basic_lstm_cell/MatMul_1'" (the
 *   doubled cell_0/ of TF 1.4's op names is gone in 1.15), a ValueError
 *   the library reports as invalid-argument: the mark is on the report's
 *   line with TF 1.15's code.
 * Library calls: vs_basic_lstm_cell, vs_multi_rnn_cell,
 *   vs_rnn_zero_state, vs_dynamic_rnn (.initial_state); tf.one_hot through
 *   the gradient-keeping stand-ins of tfops.h.  DropoutWrapper has no
 *   variables and no scope of its own (the error's name has none): not
 *   modelled.
 */
#include "tfops.h"

#define MAX_LAYERS 8

typedef struct lstm_parts {
    vs_layer *cell;
    vs_rnn_state *initial_state;
} lstm_parts;

static lstm_parts build_lstm(vs_graph *g, int lstm_size, int num_layers, int batch_size, vs_tensor *keep_prob)
{
    (void)keep_prob;
    vs_layer *lstm = vs_basic_lstm_cell(g, lstm_size);
    vs_layer *drop = lstm; /* DropoutWrapper(lstm, output_keep_prob=keep_prob) */
    vs_layer *cells[MAX_LAYERS];
    for (int i = 0; i < num_layers; i++)
        cells[i] = drop; /* [drop] * num_layers */
    vs_layer *cell = vs_multi_rnn_cell(g, cells, (size_t)num_layers);
    vs_rnn_state *initial_state = vs_rnn_zero_state(g, cell, batch_size, VS_FLOAT32);
    return (lstm_parts){cell, initial_state};
}

typedef struct CharRNN {
    vs_tensor *inputs, *targets, *keep_prob, *outputs;
    vs_rnn_state *initial_state;
} CharRNN;

static void CharRNN_init(vs_graph *g, CharRNN *self, int num_classes, int batch_size, int num_steps, int lstm_size, int num_layers)
{
    self->inputs = vs_placeholder(g, VS_INT32, VS_SHAPE(batch_size, num_steps), .name = "inputs");
    self->targets = vs_placeholder(g, VS_INT32, VS_SHAPE(batch_size, num_steps), .name = "targets");
    self->keep_prob = vs_placeholder(g, VS_FLOAT32, VS_SCALAR, .name = "keep_prob");
    lstm_parts p = build_lstm(g, lstm_size, num_layers, batch_size, self->keep_prob);
    self->initial_state = p.initial_state;
    vs_tensor *x_one_hot = tfg_one_hot(g, self->inputs, num_classes);
    self->outputs = vs_dynamic_rnn(g, p.cell, x_one_hot, .initial_state = self->initial_state); // expect: invalid-argument
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    CharRNN model;
    CharRNN_init(g, &model, 83, 100, 100, 512, 2);
    vs_graph_free(g);
    return 0;
}
