/* realworld: learning2learn2_same_cell_unrolled (fixed)
 *
 * Source: https://github.com/runopti/Learning-To-Learn/issues/2
 * Fix: ours (the thread has none): a distinct BasicLSTMCell per layer,
 *   as TF's same-cell warning and the answers to the same error elsewhere
 *   advise (udacity/deep-learning#132, yala/introdeeplearning#8), in ONE
 *   MultiRNNCell that every coordinate uses (the paper's coordinatewise
 *   LSTM shares its parameters):
 *       cell = tf.nn.rnn_cell.MultiRNNCell(
 *           [tf.nn.rnn_cell.BasicLSTMCell(hidden_size) for _ in range(num_layers)])
 *       for i in range(num_of_coordinates):
 *           cell_list.append(cell)
 *   A MultiRNNCell object per coordinate would not do: the second one is
 *   first called after reuse_variables(), under a new default name
 *   (multi_rnn_cell_1), and its kernels would not exist.
 * Translation: as the failing program with that change.
 */
#include "tfops.h"

enum { T = 10, n_unroll_in_m = 20, n_dimension = 3, num_of_coordinates = 3, hidden_size = 5, num_layers = 2 };

static void trainOptimizer(void)
{
    vs_graph *g = vs_graph_new();
    vs_layer *cell_list[num_of_coordinates];
    vs_layer *layers[num_layers];
    for (int l = 0; l < num_layers; l++)
        layers[l] = vs_basic_lstm_cell(g, hidden_size);
    vs_layer *cell_shared = vs_multi_rnn_cell(g, layers, num_layers);
    for (int i = 0; i < num_of_coordinates; i++)
        cell_list[i] = cell_shared;
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
                vs_tensor *cell_output = vs_rnn_cell_call(g, cell, grad_h_t, state, .new_state = &state);
                if (!cell_output)
                    goto out;
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
