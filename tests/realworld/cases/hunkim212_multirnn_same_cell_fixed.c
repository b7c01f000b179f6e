/* realworld: hunkim212_multirnn_same_cell (fixed)
 *
 * Source: https://github.com/hunkim/DeepLearningZeroToAll/issues/212 (see
 *   the failing program's header).
 * Fix (ours, as TF 1.2's release notes say: "To get 5 layers each with
 *   their own parameters, write: MultiRNNCell([LSTMCell(...) for _ in
 *   range(5)])"): one BasicLSTMCell per layer; cell_0 gets an (8, 20)
 *   kernel, cell_1 and cell_2 (10, 20) ones.
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();

    /* Create input data */
    enum { batch_size = 3, sequence_length = 5, input_dim = 3 };
    float arange[batch_size * sequence_length * input_dim];
    for (int i = 0; i < batch_size * sequence_length * input_dim; i++)
        arange[i] = (float)i;
    vs_tensor *x_data = vs_constant(g, VS_FLOAT32, VS_SHAPE(batch_size, sequence_length, input_dim), arange);

    VS_VARIABLE_SCOPE(g, "MultiRNNCell") {
        /* Make rnn: one cell per layer */
        vs_layer *cells[3];
        for (int i = 0; i < 3; i++)
            cells[i] = vs_basic_lstm_cell(g, 5);
        vs_layer *multi = vs_multi_rnn_cell(g, cells, 3);

        /* rnn in/out */
        vs_tensor *outputs = vs_dynamic_rnn(g, multi, x_data, .dtype = VS_FLOAT32);
        (void)outputs;
    }
    vs_graph_free(g);
    return 0;
}
