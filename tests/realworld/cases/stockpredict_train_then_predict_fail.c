/* realworld: stockpredict_train_then_predict (failing)
 *
 * Source: https://github.com/LouisScorpio/datamining/issues/5 (and #4),
 *   program tensorflow-program/rnn/stock_predict/stock_predict_2.py
 *   (excerpt beside this file: stockpredict_train_then_predict.py).
 * TF raised (quoted from the report, TF 1.0/1.1):
 *   ValueError: Variable rnn/basic_lstm_cell/weights already exists,
 *   disallowed. Did you mean to set reuse=True in VarScope
 * Why: the script trains, then calls prediction(), which calls lstm() again
 *   in the same graph: a new BasicLSTMCell under dynamic_rnn's "rnn" scope
 *   builds rnn/basic_lstm_cell again, with reuse off.  The weights and
 *   biases dicts are tf.Variables made once at module level and are not
 *   part of the failure.  (TF 1.15 names the variable .../kernel.)
 * Library calls: vs_basic_lstm_cell, vs_rnn_zero_state (unknown
 *   batch), vs_dynamic_rnn (.initial_state, .dtype), vs_adam_optimizer,
 *   vs_minimize, vs_subtract, vs_square, vs_reduce_mean; tf.reshape
 *   through the gradient-keeping stand-ins of tfops.h.
 * Translation: tf.shape(X)[0] and [1] are unknown dims (-1).
 *   tf.random_normal initial values are float32 tensors of the shape
 *   (their values do not matter); tf.constant(0.1, shape=[n]) is a
 *   constant.
 */
#include "tfops.h"

enum { rnn_unit = 10, input_size = 7, output_size = 1 };
static const double lr = 0.0006;

static struct {
    vs_var *in, *out;
} weights, biases;

static void make_parameters(vs_graph *g)
{
    static const float b_in[rnn_unit] = {0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f};
    static const float b_out[1] = {0.1f};
    weights.in = vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(input_size, rnn_unit), .name = "random_normal"));
    weights.out = vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(rnn_unit, 1), .name = "random_normal"));
    biases.in = vs_variable(g, vs_constant(g, VS_FLOAT32, VS_SHAPE(rnn_unit), b_in));
    biases.out = vs_variable(g, vs_constant(g, VS_FLOAT32, VS_SHAPE(1), b_out));
}

typedef struct lstm_out {
    vs_tensor *pred;
    vs_rnn_state *final_states;
} lstm_out;

static lstm_out lstm(vs_graph *g, vs_tensor *X)
{
    int64_t batch_size = vs_tensor_shape(X)->dims[0]; /* tf.shape(X)[0] */
    vs_var *w_in = weights.in, *b_in = biases.in;
    vs_tensor *input = tfg_reshape(g, X, VS_SHAPE(-1, input_size));
    vs_tensor *input_rnn = vs_add(g, vs_matmul(g, input, vs_value(w_in)), vs_value(b_in));
    input_rnn = tfg_reshape(g, input_rnn, VS_SHAPE(-1, -1, rnn_unit));
    vs_layer *cell = vs_basic_lstm_cell(g, rnn_unit);
    vs_rnn_state *init_state = vs_rnn_zero_state(g, cell, batch_size, VS_FLOAT32);
    lstm_out r = {0};
    vs_tensor *output_rnn = vs_dynamic_rnn(g, cell, input_rnn, .initial_state = init_state, .dtype = VS_FLOAT32, .final_state = &r.final_states); // expect: duplicate-variable
    vs_tensor *output = tfg_reshape(g, output_rnn, VS_SHAPE(-1, rnn_unit));
    vs_var *w_out = weights.out, *b_out = biases.out;
    r.pred = vs_add(g, vs_matmul(g, output, vs_value(w_out)), vs_value(b_out));
    return r;
}

static void train_lstm(vs_graph *g, int time_step)
{
    vs_tensor *X = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, time_step, input_size));
    vs_tensor *Y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, time_step, output_size));
    lstm_out m = lstm(g, X);
    vs_tensor *loss = vs_reduce_mean(g, vs_square(g, vs_subtract(g, tfg_reshape(g, m.pred, VS_SHAPE(-1)), tfg_reshape(g, Y, VS_SHAPE(-1)))));
    vs_op *train_op = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = lr), loss);
    (void)train_op;
}

static void prediction(vs_graph *g, int time_step)
{
    vs_tensor *X = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, time_step, input_size));
    lstm_out m = lstm(g, X);
    (void)m;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    make_parameters(g);
    train_lstm(g, 15);
    prediction(g, 20);
    vs_graph_free(g);
    return 0;
}
