/* realworld: tf8771_cell_def_lstm_def (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/8771
 *   ("Tensorflow 1.0 RNN weights already exists", auxs2015, 2017-03-28).
 * TF raised (quoted from the report, TF 1.0):
 *   ValueError: Variable lstm_def/rnn/basic_lstm_cell/weights already
 *   exists, disallowed. Did you mean to set reuse=True in VarScope?
 *   (TF 1.15 names the variable lstm_def/rnn/basic_lstm_cell/kernel.)
 * Original Python (from the report):
 *   def lstm(batch):
 *       w_in=weights['in']
 *       b_in=biases['in']
 *       input=tf.reshape(X,[-1,input_size])
 *       input_rnn=tf.matmul(input,w_in)+b_in
 *       input_rnn=tf.reshape(input_rnn,[-1,time_step,rnn_unit])
 *       with tf.variable_scope('cell_def'):
 *           cell=tf.contrib.rnn.BasicLSTMCell(rnn_unit)
 *           init_state=cell.zero_state(batch,dtype=tf.float32)
 *       with tf.variable_scope('lstm_def'):
 *           output_rnn,final_states=tf.nn.dynamic_rnn(cell, input_rnn,initial_state=init_state, dtype=tf.float32)
 *       output=tf.reshape(output_rnn,[-1,rnn_unit])
 *       w_out=weights['out']
 *       b_out=biases['out']
 *       pred=tf.matmul(output,w_out)+b_out
 *       return pred,final_states
 * Why: a cell makes its weights where it is first called, not where it is
 *   made: under lstm_def/rnn (dynamic_rnn's scope), and 'cell_def' only
 *   names the zero state's ops.  lstm() runs twice in one graph (the
 *   report's traceback ends in _get_single_variable; the code is the
 *   stock-prediction tutorial's, whose train_lstm(batch_size) and
 *   prediction() each call lstm: see stockpredict_train_then_predict),
 *   and 'lstm_def' entered by name again, with reuse off, reaches the
 *   same lstm_def/rnn/basic_lstm_cell: the second cell's kernel exists.
 * Fix: ours (the thread has none): the second call shares the weights,
 *   tf.variable_scope('lstm_def', reuse=tf.AUTO_REUSE).
 * Library calls: vs_variable, vs_placeholder, vs_basic_lstm_cell,
 *   vs_rnn_zero_state, vs_dynamic_rnn, vs_matmul, vs_add, scopes (block
 *   form); tf.reshape through tfops.h.
 * Translation: the dicts weights and biases are a table of named
 *   entries looked up with strcmp; X and time_step are globals as in
 *   the script (time_step 20, input_size 7, rnn_unit 10); train uses
 *   batch 80, prediction batch 1.
 */
#include "tfops.h"
#include <string.h>

enum { time_step = 20, input_size = 7, rnn_unit = 10, output_size = 1 };

struct param { const char *key; vs_var *var; };
static struct param weights[2], biases[2];
static vs_tensor *X;

static vs_var *lookup(const struct param *dict, const char *key)
{
    for (int i = 0; i < 2; i++)
        if (dict[i].key && strcmp(dict[i].key, key) == 0)
            return dict[i].var;
    return NULL;
}

static void make_parameters(vs_graph *g)
{
    weights[0] = (struct param){"in", vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(input_size, rnn_unit), .name = "random_normal"))};
    weights[1] = (struct param){"out", vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(rnn_unit, 1), .name = "random_normal"))};
    biases[0] = (struct param){"in", vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(rnn_unit), .name = "Const"))};
    biases[1] = (struct param){"out", vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1), .name = "Const"))};
}

typedef struct lstm_out { vs_tensor *pred; vs_rnn_state *final_states; } lstm_out;

static lstm_out lstm(vs_graph *g, int batch)
{
    lstm_out r = {0};
    vs_var *w_in = lookup(weights, "in");
    vs_var *b_in = lookup(biases, "in");
    vs_tensor *input = tfg_reshape(g, X, VS_SHAPE(-1, input_size));
    vs_tensor *input_rnn = vs_add(g, vs_matmul(g, input, vs_value(w_in)), vs_value(b_in));
    input_rnn = tfg_reshape(g, input_rnn, VS_SHAPE(-1, time_step, rnn_unit));
    vs_layer *cell = NULL;
    vs_rnn_state *init_state = NULL;
    VS_VARIABLE_SCOPE(g, "cell_def") {
        cell = vs_basic_lstm_cell(g, rnn_unit);
        init_state = vs_rnn_zero_state(g, cell, batch, VS_FLOAT32);
    }
    vs_tensor *output_rnn = NULL;
    VS_VARIABLE_SCOPE(g, "lstm_def") {
        output_rnn = vs_dynamic_rnn(g, cell, input_rnn, .initial_state = init_state, .dtype = VS_FLOAT32, .final_state = &r.final_states); // expect: duplicate-variable
    }
    if (!output_rnn)
        return r;
    vs_tensor *output = tfg_reshape(g, output_rnn, VS_SHAPE(-1, rnn_unit));
    vs_var *w_out = lookup(weights, "out");
    vs_var *b_out = lookup(biases, "out");
    r.pred = vs_add(g, vs_matmul(g, output, vs_value(w_out)), vs_value(b_out));
    return r;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    X = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, time_step, input_size));
    make_parameters(g);
    lstm_out train = lstm(g, 80);      /* train_lstm(batch_size=80) */
    lstm_out predict = lstm(g, 1);     /* prediction(): lstm(1) */
    (void)train;
    (void)predict;
    vs_graph_free(g);
    return 0;
}
