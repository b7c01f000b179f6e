/* realworld: learning2learn2_same_cell_unrolled (failing)
 *
 * Source: https://github.com/runopti/Learning-To-Learn/issues/2
 *   ("Error running trainOptimizer.py (trying to share
 *   multi_rnn_cell/cell_0/basic_lstm_cell/kernel)", miguelrass,
 *   2018-03-23; code: trainOptimizer.py at fe00589).
 * TF raised (quoted from the report, TF 1.2.1):
 *   ValueError: Trying to share variable multi_rnn_cell/cell_0/basic_lstm_cell/kernel,
 *   but specified shape (10, 20) and found shape (6, 20).
 *     File "trainOptimizer.py", line 46, in trainOptimizer
 *       cell_output, state = cell(grad_h_t, state)
 *   TF 1.15 keeps the weights a cell object built on its first call
 *   (rnn_cell_impl.py, LayerRNNCell / BasicLSTMCell.build), so the second
 *   layer's call of the same object fails at its MatMul instead:
 *   "Dimensions must be equal, but are 10 and 6 for
 *   'multi_rnn_cell/cell_0/basic_lstm_cell/MatMul_1'" (the same line; the
 *   op is named in the scope the cell captured on its first call, as in
 *   hunkim212's report;
 *   the same-cell note in tests/realworld/README.md).
 * Original Python (trimmed; defaults n_samplings 10, n_unroll 20,
 *   n_dimension 3, n_hidden 5, n_layers 2):
 *   def trainOptimizer():
 *       g = tf.Graph()
 *       with g.as_default():
 *           cell_list = []
 *           lstm_cell = tf.nn.rnn_cell.BasicLSTMCell(hidden_size)
 *           for i in range(num_of_coordinates):
 *               cell_list.append(tf.nn.rnn_cell.MultiRNNCell([lstm_cell] * num_layers))
 *           loss = 0
 *           for t in range(T):
 *               W = tf.truncated_normal([n_dimension, n_dimension]); y = tf.truncated_normal([n_dimension, 1])
 *               theta = tf.truncated_normal([n_dimension, 1])
 *               f = tf.reduce_sum(tf.square(tf.matmul(W, theta) - y))
 *               batch_size = 1
 *               state_list = [cell_list[i].zero_state(batch_size, tf.float32) for i in range(num_of_coordinates)]
 *               g_new_list = []
 *               grad_f = tf.gradients(f, theta)[0]
 *               for i in range(num_of_coordinates):
 *                   cell = cell_list[i]; state = state_list[i]
 *                   grad_h_t = tf.slice(grad_f, begin=[i,0], size=[1,1])
 *                   for k in range(n_unroll_in_m):
 *                       if k > 0: tf.get_variable_scope().reuse_variables()
 *                       cell_output, state = cell(grad_h_t, state)
 *                       softmax_w = tf.get_variable("softmax_w", [hidden_size, 1])
 *                       softmax_b = tf.get_variable("softmax_b", [1])
 *                       g_new_i = tf.matmul(cell_output, softmax_w) + softmax_b
 *                   g_new_list.append(g_new_i)
 *                   state_list[i] = state
 *               ... (theta update, loss; then Adam's apply_gradients, the session)
 * Why: one BasicLSTMCell object is both layers of the MultiRNNCell: its
 *   first call (layer 0, input depth 1) makes a (1 + 5, 20) kernel, and
 *   layer 1 feeds it an input of depth 5 (5 + 5 = 10 rows).
 * Library calls: vs_basic_lstm_cell, vs_multi_rnn_cell, vs_rnn_zero_state,
 *   vs_rnn_cell_call, vs_reuse_variables, vs_get_variable; tfops.h for
 *   truncated_normal, gradients, slice.
 * Translation: the argparse defaults; the graph g is the program's graph;
 *   Python stops at the first error, the C program returns there; the
 *   update of theta, the loss, Adam's apply_gradients (which the library
 *   has no separate form of) and the session come after the failure and
 *   are left out.
 */
#include "tfops.h"

enum { T = 10, n_unroll_in_m = 20, n_dimension = 3, num_of_coordinates = 3, hidden_size = 5, num_layers = 2 };

static void trainOptimizer(void)
{
    vs_graph *g = vs_graph_new();
    vs_layer *cell_list[num_of_coordinates];
    vs_layer *lstm_cell = vs_basic_lstm_cell(g, hidden_size);
    for (int i = 0; i < num_of_coordinates; i++) {
        vs_layer *layers[num_layers];
        for (int l = 0; l < num_layers; l++)
            layers[l] = lstm_cell;                 /* [lstm_cell] * num_layers */
        cell_list[i] = vs_multi_rnn_cell(g, layers, num_layers);
    }
    for (int t = 0; t < T; t++) {
        vs_tensor *theta = tf_shaped(g, "truncated_normal", VS_FLOAT32, VS_SHAPE(n_dimension, 1));
        vs_rnn_state *state_list[num_of_coordinates];
        for (int i = 0; i < num_of_coordinates; i++)
            state_list[i] = vs_rnn_zero_state(g, cell_list[i], 1, VS_FLOAT32);
        vs_tensor *grad_f = tf_like(g, "gradients", theta);
        for (int i = 0; i < num_of_coordinates; i++) {
            vs_layer *cell = cell_list[i];
            vs_rnn_state *state = state_list[i];
            vs_tensor *grad_h_t = grad_f ? tf_shaped(g, "Slice", VS_FLOAT32, VS_SHAPE(1, 1)) : NULL;
            for (int k = 0; k < n_unroll_in_m; k++) {
                if (k > 0)
                    vs_reuse_variables(vs_get_variable_scope(g));
                vs_tensor *cell_output = vs_rnn_cell_call(g, cell, grad_h_t, state, .new_state = &state); // expect: invalid-argument
                if (!cell_output)
                    goto out;                      /* Python raised here */
                vs_var *softmax_w = vs_get_variable(g, "softmax_w", .shape = VS_SHAPE(hidden_size, 1));
                vs_var *softmax_b = vs_get_variable(g, "softmax_b", .shape = VS_SHAPE(1));
                vs_tensor *g_new_i = vs_add(g, vs_matmul(g, cell_output, vs_value(softmax_w)), vs_value(softmax_b));
                (void)g_new_i;
            }
            state_list[i] = state;
        }
    }
out:
    vs_graph_free(g);
}

int main(void)
{
    trainOptimizer();
    return 0;
}
