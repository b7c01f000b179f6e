/* realworld: tf8957_multigpu_adam (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/8957
 * Fix (the one cifar10_multi_gpu_train.py took for the same failure, and
 *   the thread's answer): the tower loop runs inside
 *   `with tf.variable_scope(tf.get_variable_scope()):`, so the reuse that
 *   reuse_variables() sets belongs to that re-entered scope and is gone
 *   when apply_gradients makes the slots outside it.
 */
#include <stdio.h>

#include "tfops.h"

enum { num_gpus = 2 };

static vs_tensor *images, *labels;

static vs_tensor *inference(vs_graph *g, vs_tensor *x)
{
    vs_tensor *c = vs_conv2d(g, x, 64, 3, 3, .name = "conv1_1", .padding = VS_SAME, .activation = VS_ACT_RELU);
    c = vs_conv2d(g, c, 64, 3, 3, .name = "conv1_2", .padding = VS_SAME, .activation = VS_ACT_RELU);
    return vs_dense(g, vs_flatten(g, c), 10, .name = "logits");
}

static vs_tensor *tower_loss(vs_graph *g)
{
    vs_tensor *logits = inference(g, images);
    return tfg_loss(g, "softmax_cross_entropy", logits, labels);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    images = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(32, 24, 24, 3), .name = "images");
    labels = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(32, 10), .name = "labels");
    vs_var *global_step = vs_get_or_create_global_step(g);
    vs_optimizer *opt = vs_adam_optimizer(g, .learning_rate = 0.001);
    vs_tensor *total = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g)) {
    for (int i = 0; i < num_gpus; i++) {
        char name[16];
        snprintf(name, sizeof name, "tower_%d", i);
        VS_NAME_SCOPE(g, name) {
            vs_tensor *loss = tower_loss(g);
            vs_reuse_variables(vs_get_variable_scope(g));
            total = total ? vs_add(g, total, loss) : loss;
        }
    }
    }
    vs_op *apply_gradient_op = vs_minimize(g, opt, total, .global_step = global_step);
    (void)apply_gradient_op;
    vs_graph_free(g);
    return 0;
}
