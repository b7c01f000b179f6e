/* realworld: urbansound19_multirnn_same_cell (failing)
 *
 * Source: https://github.com/aqibsaeed/Urban-Sound-Classification/issues/19
 *   and the notebook "Urban Sound Classification using RNN.ipynb" of that
 *   repository, cells 3-5 (Python beside this file:
 *   urbansound19_multirnn_same_cell.py).
 * TF raised (quoted from the report, TF 1.4):
 *   ValueError: Dimensions must be equal, but are 600 and 320 for
 *   'rnn/while/rnn/multi_rnn_cell/cell_0/cell_0/lstm_cell/MatMul_1' (op:
 *   'MatMul') with input shapes: [?,600], [320,1200].
 *   at  output, state = tf.nn.dynamic_rnn(cell, x, dtype = tf.float32)
 *   inside RNN(), called by  prediction = RNN(x, weight, bias).
 * Why: [cell] * 2 stacks one LSTMCell object.  Layer 0 builds its kernel
 *   from the input: (20 + 300, 4 * 300) = (320, 1200); layer 1 calls the
 *   built cell with layer 0's output, concat([?, 300], [?, 300]) = [?, 600],
 *   and the MatMul by (320, 1200) fails its shape function (TF 1.15
 *   rnn_cell_impl.py, LSTMCell.build/call).  TF 1.15 names the op
 *   rnn/while/rnn/multi_rnn_cell/cell_0/lstm_cell/MatMul_1 (1.4's doubled
 *   cell_0/ is gone); the ValueError is the library's invalid-argument.
 * Library calls: vs_lstm_cell, vs_multi_rnn_cell, vs_dynamic_rnn (.dtype),
 *   vs_variable, vs_matmul, vs_add, vs_multiply, vs_adam_optimizer,
 *   vs_minimize; tf.transpose, tf.gather, softmax, log and reduce_sum are
 *   gradient-keeping stand-ins of tfops.h (the fixed program minimizes).
 * Translation: notebook cells 3 to 5 in order; cell 3 starts with
 *   tf.reset_default_graph(), a new graph.  tf.random_normal initial values
 *   are tfops.h tensors of their shape.  The session cell is left out.
 */
#include "tfops.h"

enum { n_input = 20, n_steps = 41, n_hidden = 300, n_classes = 10 };

static vs_tensor *RNN(vs_graph *g, vs_tensor *x, vs_var *weight, vs_var *bias)
{
    vs_layer *cell = vs_lstm_cell(g, n_hidden);
    vs_layer *stack[2] = {cell, cell}; /* [cell] * 2 */
    vs_layer *multi = vs_multi_rnn_cell(g, stack, 2);
    vs_tensor *output = vs_dynamic_rnn(g, multi, x, .dtype = VS_FLOAT32); // expect: invalid-argument
    if (!output)
        return NULL;
    const vs_shape *s = vs_tensor_shape(output);
    output = tf_op(g, "transpose", &output, 1, VS_FLOAT32, VS_SHAPE(s->dims[1], s->dims[0], s->dims[2]));
    vs_tensor *last = tf_op(g, "Gather", &output, 1, VS_FLOAT32, VS_SHAPE(s->dims[0], s->dims[2]));
    return tfg_like(g, "Softmax", vs_add(g, vs_matmul(g, last, vs_value(weight)), vs_value(bias)));
}

int main(void)
{
    /* cell 3 */
    vs_graph *g = vs_graph_new(); /* tf.reset_default_graph() */
    double learning_rate = 0.01;

    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, n_steps, n_input));
    vs_tensor *y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, n_classes));

    vs_var *weight = vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(n_hidden, n_classes)));
    vs_var *bias = vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(n_classes)));

    /* cell 5 */
    vs_tensor *prediction = RNN(g, x, weight, bias);

    /* Define loss and optimizer */
    vs_tensor *loss_f = tfg_loss(g, "Neg", vs_multiply(g, y, tfg_like(g, "Log", prediction)), NULL);
    vs_op *optimizer = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = learning_rate), loss_f);
    (void)optimizer;
    vs_graph_free(g);
    return 0;
}
