/* realworld: dncnn10_test_after_train (fixed)
 *
 * Source: https://github.com/wbhu/DnCNN-tensorflow/issues/10 (see the
 *   failing program's header).
 * Fix: the way the maintainer runs it (the README's commands, one
 *   `python main.py --phase ...` per phase): each run is a new process
 *   with a default graph of its own.
 */
#include <stdbool.h>
#include <stdio.h>

#include "tfops.h"

enum { patch_size = 40, batch_size = 128, input_c_dim = 1, output_c_dim = 1 };

static vs_graph *default_graph;

static vs_tensor *conv_layer(vs_graph *g, vs_tensor *inputdata, const vs_shape *weightshape)
{
    vs_var *W = vs_get_variable(g, "weights", .shape = weightshape, .initializer = vs_init_truncated_normal(0, 0.05));
    vs_var *b = W ? vs_get_variable(g, "biases", .shape = VS_SHAPE(1, weightshape->dims[3]), .initializer = vs_init_constant(0.0)) : NULL;
    return b ? vs_add(g, tfg_conv2d(g, inputdata, W, 1, 1), vs_value(b)) : NULL;
}

static vs_tensor *bn_layer(vs_graph *g, vs_tensor *logits, int64_t output_dim)
{
    vs_var *alpha = vs_get_variable(g, "bn_alpha", .shape = VS_SHAPE(1, output_dim), .initializer = vs_init_constant(1.0));
    vs_var *beta = alpha ? vs_get_variable(g, "bn_beta", .shape = VS_SHAPE(1, output_dim), .initializer = vs_init_constant(0.0)) : NULL;
    if (!beta || !logits)
        return NULL;
    vs_tensor *ins[3] = {logits, vs_value(alpha), vs_value(beta)};
    return tf_op(g, "batch_normalization", ins, 3, VS_FLOAT32, vs_tensor_shape(logits));
}

static vs_tensor *layer(vs_graph *g, vs_tensor *inputdata, const vs_shape *filter_shape, bool useBN)
{
    vs_tensor *logits = conv_layer(g, inputdata, filter_shape);
    if (!logits)
        return NULL;
    return vs_relu(g, useBN ? bn_layer(g, logits, filter_shape->dims[3]) : logits);
}

typedef struct dncnn {
    vs_tensor *X, *X_, *Y, *loss;
    vs_op *train_step;
} dncnn;

static void build_model(vs_graph *g, dncnn *m, double lr)
{
    m->X = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, patch_size, patch_size, input_c_dim), .name = "noisy_image");
    m->X_ = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, patch_size, patch_size, input_c_dim), .name = "clean_image");
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, "conv1") {
        out = layer(g, m->X, VS_SHAPE(3, 3, input_c_dim, 64), false);
    }
    for (int i = 2; i <= 16; i++) {
        char name[8];
        snprintf(name, sizeof name, "conv%d", i);
        VS_VARIABLE_SCOPE(g, name) {
            out = layer(g, out, VS_SHAPE(3, 3, 64, 64), true);
        }
    }
    VS_VARIABLE_SCOPE(g, "conv17") {
        m->Y = layer(g, out, VS_SHAPE(3, 3, 64, output_c_dim), false);
    }
    vs_tensor *Y_ = vs_subtract(g, m->X, m->X_);
    m->loss = m->Y ? tfg_loss(g, "l2_loss", vs_subtract(g, Y_, m->Y), NULL) : NULL;
    vs_optimizer *optimizer = vs_adam_optimizer(g, .learning_rate = lr, .name = "AdamOptimizer");
    m->train_step = m->loss ? vs_minimize(g, optimizer, m->loss) : NULL;
}

/* main.py's main(_), run in the console with --phase train, then test */
static void run_main(bool train)
{
    default_graph = vs_graph_new();       /* a new python process */
    dncnn model;
    build_model(default_graph, &model, 0.001);   /* DnCNN(sess, ...) */
    (void)train;                          /* model.train() / model.test() */
    vs_graph_free(default_graph);
}

int main(void)
{
    run_main(true);                       /* python main.py --phase train */
    run_main(false);                      /* python main.py --phase test */
    return 0;
}
