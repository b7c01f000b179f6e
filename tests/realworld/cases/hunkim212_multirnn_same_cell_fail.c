/* realworld: hunkim212_multirnn_same_cell (failing)
 *
 * Source: https://github.com/hunkim/DeepLearningZeroToAll/issues/212 and
 *   the notebook lab-12-0-rnn_basics.ipynb it runs (cells 0, 10, 12;
 *   Python beside this file: hunkim212_multirnn_same_cell.py).
 * TF raised (quoted from the report, TF >= 1.5):
 *   InvalidArgumentError: Dimensions must be equal, but are 10 and 8 for
 *   'MultiRNNCell/rnn/while/rnn/multi_rnn_cell/cell_0/basic_lstm_cell/
 *   MatMul_1' (op: 'MatMul') with input shapes: [3,10], [8,20].
 *   (raised again as a ValueError at the dynamic_rnn line)
 * Why: [cell] * 3 stacks one BasicLSTMCell object.  Layer 0 builds its
 *   kernel from the input: (3 + 5, 4 * 5) = (8, 20).  Layer 1 calls the
 *   same, built cell with layer 0's output: concat([3, 5], [3, 5]) is
 *   [3, 10], and the MatMul by (8, 20) fails its shape function
 *   (rnn_cell_impl.py, BasicLSTMCell.build/call; MultiRNNCell only logs
 *   "At least two cells provided to MultiRNNCell are the same object and
 *   will share weights.").  The op is named after layer 0's scope, where
 *   the cell's name scope was captured, and it is the cell's second MatMul
 *   there: .../cell_0/basic_lstm_cell/MatMul_1.  TF's ValueError is the
 *   library's invalid-argument.
 * Library calls: vs_basic_lstm_cell, vs_multi_rnn_cell, vs_dynamic_rnn
 *   (.dtype), vs_constant_f32 for the numpy array x_data (converted to a
 *   Const as TF's convert_to_tensor does).
 * Translation: the session and the notebook's other cells (RNNs in their
 *   own scopes, with keras's SimpleRNNCell and LSTMCell) are left out.
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
        /* Make rnn */
        vs_layer *cell = vs_basic_lstm_cell(g, 5);
        vs_layer *cells[3] = {cell, cell, cell}; /* [cell] * 3 */
        vs_layer *multi = vs_multi_rnn_cell(g, cells, 3);

        /* rnn in/out */
        vs_tensor *outputs = vs_dynamic_rnn(g, multi, x_data, .dtype = VS_FLOAT32); // expect: invalid-argument
        (void)outputs;
    }
    vs_graph_free(g);
    return 0;
}
