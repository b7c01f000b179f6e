/* realworld: urbansound19_multirnn_same_cell (fixed)
 *
 * Source: https://github.com/aqibsaeed/Urban-Sound-Classification/issues/19
 *   (see the failing program's header).
 * Fix (ours; the notebook kept [cell] * 2 until its 2020 rewrite with
 *   keras): one LSTMCell per layer, as TF 1.2's release notes say
 *   ("MultiRNNCell([LSTMCell(...) for _ in range(5)])"); cell_0 gets a
 *   (320, 1200) kernel, cell_1 a (600, 1200) one, and Adam makes the
 *   slots of weight, bias and the four cell variables.
 */
#include "tfops.h"

enum { n_input = 20, n_steps = 41, n_hidden = 300, n_classes = 10 };

static vs_tensor *RNN(vs_graph *g, vs_tensor *x, vs_var *weight, vs_var *bias)
{
    vs_layer *stack[2];
    for (int i = 0; i < 2; i++)
        stack[i] = vs_lstm_cell(g, n_hidden);
    vs_layer *multi = vs_multi_rnn_cell(g, stack, 2);
    vs_tensor *output = vs_dynamic_rnn(g, multi, x, .dtype = VS_FLOAT32);
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
