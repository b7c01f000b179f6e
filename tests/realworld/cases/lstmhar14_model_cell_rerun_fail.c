/* realworld: lstmhar14_model_cell_rerun (failing)
 *
 * Source: https://github.com/guillaume-chevalier/LSTM-Human-Activity-Recognition/issues/14
 *   (code: LSTM.ipynb at 53132c8, the report's day; the report quotes the
 *   model cell).
 * TF raised (quoted from the report's title and traceback, at
 *   pred = LSTM_RNN(x, weights, biases) in <ipython-input-20-...>):
 *   ValueError: Variable rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel
 *   already exists, disallowed. ...
 * Original Python (trimmed):
 *   def LSTM_RNN(_X, _weights, _biases):
 *       _X = tf.transpose(_X, [1, 0, 2]); _X = tf.reshape(_X, [-1, n_input])
 *       _X = tf.nn.relu(tf.matmul(_X, _weights['hidden']) + _biases['hidden'])
 *       _X = tf.split(_X, n_steps, 0)
 *       lstm_cell_1 = tf.contrib.rnn.BasicLSTMCell(n_hidden, forget_bias=1.0, state_is_tuple=True)
 *       lstm_cell_2 = tf.contrib.rnn.BasicLSTMCell(n_hidden, forget_bias=1.0, state_is_tuple=True)
 *       lstm_cells = tf.contrib.rnn.MultiRNNCell([lstm_cell_1, lstm_cell_2], state_is_tuple=True)
 *       outputs, states = tf.contrib.rnn.static_rnn(lstm_cells, _X, dtype=tf.float32)
 *       return tf.matmul(outputs[-1], _weights['out']) + _biases['out']
 *   # the model cell (quoted in the report):
 *   x = tf.placeholder(tf.float32, [None, n_steps, n_input])
 *   y = tf.placeholder(tf.float32, [None, n_classes])
 *   weights = {'hidden': tf.Variable(tf.random_normal([n_input, n_hidden])),
 *              'out': tf.Variable(tf.random_normal([n_hidden, n_classes], mean=1.0))}
 *   biases = {'hidden': tf.Variable(tf.random_normal([n_hidden])),
 *             'out': tf.Variable(tf.random_normal([n_classes]))}
 *   pred = LSTM_RNN(x, weights, biases)
 *   l2 = lambda_loss_amount * sum(tf.nn.l2_loss(tf_var) for tf_var in tf.trainable_variables())
 *   cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=pred)) + l2
 *   optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate).minimize(cost)
 *   # rnn.static_rnn (r1.15): with vs.variable_scope(scope or "rnn") as varscope:
 *   #     for time, input_ in enumerate(inputs):
 *   #         if time > 0: varscope.reuse_variables()
 *   #         (output, state) = call_cell()
 * Why: the model cell is run again in the same kernel (the traceback's
 *   In [20]); its new cells are new layer objects, whose first call under
 *   static_rnn's "rnn" scope (entered by string, reuse only from time 1
 *   on) builds rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel again.
 *   (The weight dictionaries are tf.Variable's: only renamed.)
 * Library calls: vs_variable, vs_basic_lstm_cell, vs_multi_rnn_cell,
 *   vs_rnn_zero_state, vs_rnn_cell_call, vs_variable_scope_enter (block
 *   form), vs_reuse_variables, vs_get_collection, vs_adam_optimizer,
 *   vs_minimize; tfops.h (tfg_* forms).
 * Translation: the notebook's sizes (128 steps of 9 inputs, 32 hidden,
 *   6 classes); the notebook's cells are functions, the model cell called
 *   again as the reporter did; the l2 term sums a loss op per trainable
 *   variable, as the generator expression does.
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
            output = vs_rnn_cell_call(g, cell, inputs[time], state, .new_state = &state); // expect: duplicate-variable
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
