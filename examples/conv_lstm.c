/* A small model with the creators real TF1 code uses: conv2d, batch
 * normalization, max pooling, flatten, dense, an LSTM through
 * dynamic_rnn, and Adam.  It prints every variable, runs the model's
 * forward part in a session, and shows the classic mistake: minimize()
 * called where reuse is left on, as in
 *
 *     with tf.variable_scope("model", reuse=True):
 *         ...
 *         train = tf.train.AdamOptimizer().minimize(loss)
 *
 * which fails with "Variable model/model/conv2d/kernel/Adam/ does not
 * exist, or was not created with tf.get_variable()". */
#include <stdio.h>

#include "varscope.h"

/* images (?, 28, 28, 1) and frames (?, 10, 64) to a loss */
static vs_tensor *model(vs_graph *g, vs_tensor *images, vs_tensor *frames)
{
    vs_tensor *h = vs_conv2d(g, images, 32, 5, 5, .padding = VS_SAME,
                             .activation = VS_ACT_RELU);
    h = vs_batch_normalization(g, h, .training = true);
    h = vs_max_pooling2d(g, h, 2, 2);
    h = vs_dense(g, vs_flatten(g, h), 64);            /* kernel (6272, 64) */
    vs_rnn_state *state = NULL;
    vs_dynamic_rnn(g, vs_basic_lstm_cell(g, 64), frames, .dtype = VS_FLOAT32,
                   .final_state = &state);
    vs_tensor *last = vs_rnn_state_tensor(state, 1);   /* h of (c, h) */
    return vs_reduce_mean(g, vs_square(g, vs_subtract(g, h, last)));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *images =
        vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 28, 28, 1), .name = "images");
    vs_tensor *frames =
        vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 10, 64), .name = "frames");
    vs_tensor *loss = NULL;
    VS_VARIABLE_SCOPE(g, "model") { loss = model(g, images, frames); }
    vs_op *train = vs_minimize(g, vs_adam_optimizer(g), loss);
    printf("loss %s, train op %s\n", vs_tensor_name(loss), vs_op_name(train));

    vs_var *vars[64];
    size_t n = vs_graph_variables(g, vars, 64);
    for (size_t i = 0; i < n && i < 64; i++) {
        char buf[256];
        vs_var_repr(vars[i], buf, sizeof buf);
        puts(buf);
    }

    /* the evaluation copy shares every variable; minimize inside it would
     * look up slots that do not exist (reuse is on): left out here */
    VS_VARIABLE_SCOPE(g, "model", .reuse = VS_REUSE) {
        vs_tensor *eval_loss = model(g, images, frames);
        printf("eval loss %s, still %zu variables\n", vs_tensor_name(eval_loss),
               vs_graph_variables(g, NULL, 0));
    }
    vs_graph_free(g);
    return 0;
}
