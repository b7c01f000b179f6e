/* realworld: udacity132_multirnn_same_cell (fixed)
 *
 * Source: https://github.com/udacity/deep-learning/issues/132 (see the
 *   failing program's header).
 * Fix (the thread; the notebook's later version): one cell object per
 *   layer, [build_cell(lstm_size, keep_prob) for _ in range(num_layers)]:
 *   cell_0 gets a (595, 2048) kernel, cell_1 a (1024, 2048) one.
 */
#include "tfops.h"

#define MAX_LAYERS 8

typedef struct lstm_parts {
    vs_layer *cell;
    vs_rnn_state *initial_state;
} lstm_parts;

static vs_layer *build_cell(vs_graph *g, int lstm_size, vs_tensor *keep_prob)
{
    (void)keep_prob;
    vs_layer *lstm = vs_basic_lstm_cell(g, lstm_size);
    return lstm; /* DropoutWrapper(lstm, output_keep_prob=keep_prob) */
}

static lstm_parts build_lstm(vs_graph *g, int lstm_size, int num_layers, int batch_size, vs_tensor *keep_prob)
{
    vs_layer *cells[MAX_LAYERS];
    for (int i = 0; i < num_layers; i++)
        cells[i] = build_cell(g, lstm_size, keep_prob);
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
    self->outputs = vs_dynamic_rnn(g, p.cell, x_one_hot, .initial_state = self->initial_state);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    CharRNN model;
    CharRNN_init(g, &model, 83, 100, 100, 512, 2);
    vs_graph_free(g);
    return 0;
}
