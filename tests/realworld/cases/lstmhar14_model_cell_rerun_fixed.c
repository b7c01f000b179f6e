/* realworld: lstmhar14_model_cell_rerun (fixed)
 *
 * Source: https://github.com/guillaume-chevalier/LSTM-Human-Activity-Recognition/issues/14
 *   (see the failing program's header).
 * Fix (ours; the thread closed without one): the model cell starts with
 *   tf.reset_default_graph(), so running it again builds the model once
 *   in a fresh graph.
 */
#include "tfops.h"

enum { n_steps = 128, n_input = 9, n_hidden = 32, n_classes = 6 };

static vs_graph *default_graph;

typedef struct params {
    vs_var *hidden, *out;
} params;

/* rnn.static_rnn(cell, inputs, dtype=tf.float32) */
static vs_tensor *static_rnn(vs_graph *g, vs_layer *cell, vs_tensor *const *inputs, int n)
{
    vs_tensor *output = NULL;
    vs_rnn_state *state = vs_rnn_zero_state(g, cell, -1, VS_FLOAT32);
    VS_VARIABLE_SCOPE_AS(varscope, g, "rnn") {
        for (int time = 0; time < n; time++) {
            if (time > 0)
                vs_reuse_variables(varscope);
            output = vs_rnn_cell_call(g, cell, inputs[time], state, .new_state = &state);
            if (!output)
                break;
        }
    }
    return output;
}

static vs_tensor *LSTM_RNN(vs_graph *g, vs_tensor *_X, const params *_weights, const params *_biases)
{
    _X = tfg_reshape(g, _X, VS_SHAPE(-1, n_input));
    _X = vs_relu(g, vs_add(g, vs_matmul(g, _X, vs_value(_weights->hidden)), vs_value(_biases->hidden)));
    vs_tensor *steps[n_steps];
    for (int t = 0; t < n_steps; t++)
        steps[t] = tfg_reshape(g, _X, VS_SHAPE(-1, n_hidden));   /* tf.split(_X, n_steps, 0) */
    vs_layer *cells[2] = {vs_basic_lstm_cell(g, n_hidden), vs_basic_lstm_cell(g, n_hidden)};
    vs_layer *lstm_cells = vs_multi_rnn_cell(g, cells, 2);
    vs_tensor *lstm_last_output = static_rnn(g, lstm_cells, steps, n_steps);
    return lstm_last_output ? vs_add(g, vs_matmul(g, lstm_last_output, vs_value(_weights->out)), vs_value(_biases->out)) : NULL;
}

/* the notebook's model cell */
static void model_cell(void)
{
    vs_graph_free(default_graph);         /* tf.reset_default_graph() */
    default_graph = vs_graph_new();
    vs_graph *g = default_graph;
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, n_steps, n_input));
    vs_tensor *y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, n_classes));
    params weights = {vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(n_input, n_hidden))),
                      vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(n_hidden, n_classes)))};
    params biases = {vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(n_hidden))),
                     vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(n_classes)))};
    vs_tensor *pred = LSTM_RNN(g, x, &weights, &biases);
    if (!pred)
        return;
    const vs_var_list *tvars = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    vs_tensor *l2 = NULL;
    for (size_t i = 0; tvars && i < tvars->len; i++) {
        vs_tensor *v = vs_value(tvars->vars[i]);
        vs_tensor *term = tfg_loss(g, "l2_loss", v, NULL);
        l2 = l2 ? vs_add(g, l2, term) : term;
    }
    vs_tensor *cost = vs_add(g, tfg_loss(g, "softmax_cross_entropy_with_logits", pred, y), l2);
    vs_op *optimizer = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0025), cost);
    (void)optimizer;
}

int main(void)
{
    default_graph = vs_graph_new();
    model_cell();
    model_cell();                         /* the cell run again */
    vs_graph_free(default_graph);
    return 0;
}
