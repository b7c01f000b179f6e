/* realworld: tensorexpand7_detect_after_train (fixed)
 *
 * Source: https://github.com/wucng/TensorExpand/issues/7 (see the
 *   failing program's header).
 * Fix: the way the script's origin (the "name to gender" tutorial the
 *   repository copies) runs it: one run trains (train_neural_network()),
 *   the next run, with that call commented out, only calls detect_sex;
 *   the stray module-level neural_network(...) call is dropped.  Each run
 *   is a new process with a default graph of its own.
 */
#include <stddef.h>
#include <stdio.h>

#include "tfops.h"

enum { input_size = 8, num_classes = 2, vocabulary_len = 3000 };

static vs_tensor *X, *Y, *dropout_keep_prob;

static vs_tensor *neural_network(vs_graph *g, int64_t vocabulary_size)
{
    const int64_t embedding_size = 128, num_filters = 128;
    vs_tensor *embedded_chars_expanded = NULL;
    VS_NAME_SCOPE(g, "embedding") {
        vs_var *W = vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(vocabulary_size, embedding_size)));
        vs_tensor *embedded_chars = tfg_embedding_lookup(g, W, X);
        embedded_chars_expanded = tfg_reshape(g, embedded_chars, VS_SHAPE(-1, input_size, embedding_size, 1));
    }
    static const int filter_sizes[3] = {3, 4, 5};
    vs_tensor *pooled_outputs[3];
    for (int i = 0; i < 3; i++) {
        int filter_size = filter_sizes[i];
        char name[24];
        snprintf(name, sizeof name, "conv-maxpool-%d", filter_size);
        VS_NAME_SCOPE(g, name) {
            vs_var *W = vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32, VS_SHAPE(filter_size, embedding_size, 1, num_filters)));
            vs_var *b = vs_variable(g, tf_shaped(g, "Const", VS_FLOAT32, VS_SHAPE(num_filters)));
            vs_tensor *conv = tfg_conv2d(g, embedded_chars_expanded, W, 1, 0);
            vs_tensor *h = conv ? vs_relu(g, vs_add(g, conv, vs_value(b))) : NULL;
            pooled_outputs[i] = tf_op(g, "MaxPool", &h, 1, VS_FLOAT32, VS_SHAPE(-1, 1, 1, num_filters));
        }
    }
    int64_t num_filters_total = num_filters * 3;
    vs_tensor *h_pool = tfg_concat(g, pooled_outputs, 3, 3);
    vs_tensor *h_pool_flat = tfg_reshape(g, h_pool, VS_SHAPE(-1, num_filters_total));
    vs_tensor *h_drop = NULL;
    VS_NAME_SCOPE(g, "dropout") {
        vs_tensor *ins[2] = {h_pool_flat, dropout_keep_prob};
        h_drop = h_pool_flat ? tf_op(g, "dropout", ins, 2, VS_FLOAT32, vs_tensor_shape(h_pool_flat)) : NULL;
    }
    vs_tensor *output = NULL;
    VS_NAME_SCOPE(g, "output") {
        vs_var *W = vs_get_variable(g, "W", .shape = VS_SHAPE(num_filters_total, num_classes), .initializer = vs_init_glorot_uniform());
        vs_var *b = vs_variable(g, tf_shaped(g, "Const", VS_FLOAT32, VS_SHAPE(num_classes)));
        output = W && h_drop ? vs_add(g, vs_matmul(g, h_drop, vs_value(W)), vs_value(b)) : NULL;
    }
    return output;
}

static void train_neural_network(vs_graph *g)
{
    vs_tensor *output = neural_network(g, vocabulary_len);
    vs_optimizer *optimizer = vs_adam_optimizer(g, .learning_rate = 1e-3);
    vs_tensor *loss = tfg_loss(g, "softmax_cross_entropy_with_logits", output, Y);
    vs_op *train_op = loss ? vs_minimize(g, optimizer, loss) : NULL;
    (void)train_op;                       /* Session, epochs, saver.save */
}

static void detect_sex(vs_graph *g)
{
    vs_tensor *output = neural_network(g, vocabulary_len);
    (void)output;                         /* Saver, restore, argmax */
}

/* the script's __main__ block: placeholders, then the run's work */
static void run_script(int train)
{
    vs_graph *g = vs_graph_new();         /* a new python process */
    X = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, input_size));
    Y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, num_classes));
    dropout_keep_prob = vs_placeholder(g, VS_FLOAT32, VS_SCALAR);

    if (train)
        train_neural_network(g);
    else
        detect_sex(g);
    vs_graph_free(g);
}

int main(void)
{
    run_script(1);                        /* python train5.py (training) */
    run_script(0);                        /* python train5.py (#train_neural_network()) */
    return 0;
}
