/* realworld: bdd4_towers_momentum (fixed)
 *
 * Source: https://github.com/gy20073/BDD_Driving_Model/issues/4 (see the
 *   failing program's header).
 * Fix (ours; the thread has none): the tower loop runs inside
 *   tf.variable_scope(tf.get_variable_scope()), as TensorFlow's own
 *   cifar10_multi_gpu_train.py does since TF 1.0, so the towers'
 *   reuse_variables() acts on that re-entered copy of the root scope and
 *   ends with the loop; apply_gradients then makes the Momentum slots.
 */
#include <stdio.h>
#include <string.h>

#include "tfops.h"

enum { num_gpus = 2, batch_size = 16, num_classes = 4 };

static const char *const flags_optimizer = "sgd";

static vs_tensor *inference(vs_graph *g, vs_tensor *images)
{
    vs_tensor *net = NULL;
    VS_VARIABLE_SCOPE(g, "conv1") {
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(11, 11, 3, 96), .initializer = vs_init_truncated_normal(0, 0.01));
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(96), .initializer = vs_init_zeros());
        net = weights && biases ? vs_relu(g, vs_bias_add(g, tfg_conv2d(g, images, weights, 4, 0), vs_value(biases))) : NULL;
    }
    net = tfg_pool(g, "MaxPool", net, 3, 2, 0);
    vs_tensor *flat = net ? tfg_reshape(g, net, VS_SHAPE(-1, 27 * 27 * 96)) : NULL;
    vs_tensor *logits = NULL;
    VS_VARIABLE_SCOPE(g, "fc8") {
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(27 * 27 * 96, num_classes), .initializer = vs_init_truncated_normal(0, 0.01));
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(num_classes), .initializer = vs_init_zeros());
        logits = flat && weights && biases ? vs_bias_add(g, vs_matmul(g, flat, vs_value(weights)), vs_value(biases)) : NULL;
    }
    return logits;
}

static vs_tensor *tower_loss(vs_graph *g, vs_tensor *inputs, vs_tensor *outputs)
{
    vs_tensor *logits = inference(g, inputs);
    return tfg_loss(g, "sparse_softmax_cross_entropy", logits, outputs);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_var *global_step = vs_get_or_create_global_step(g);
    vs_optimizer *opt = NULL;
    if (strcmp(flags_optimizer, "rmsprop") == 0)
        opt = vs_rmsprop_optimizer(g, 0.01, .decay = 0.9, .momentum = 0.9, .epsilon = 1.0);
    else if (strcmp(flags_optimizer, "sgd") == 0)
        opt = vs_momentum_optimizer(g, 0.01, 0.9);
    else if (strcmp(flags_optimizer, "adam") == 0)
        opt = vs_adam_optimizer(g);
    if (!opt)
        return 1;
    vs_tensor *inputs[num_gpus], *outputs[num_gpus];
    for (int i = 0; i < num_gpus; i++) {
        inputs[i] = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size / num_gpus, 227, 227, 3));
        outputs[i] = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size / num_gpus, num_classes));
    }
    vs_tensor *total = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g))
    for (int i = 0; i < num_gpus; i++) {
        char name[16];
        snprintf(name, sizeof name, "tower_%d", i);
        VS_NAME_SCOPE(g, name) {
            vs_tensor *loss = tower_loss(g, inputs[i], outputs[i]);
            /* Reuse variables for the next tower. */
            vs_reuse_variables(vs_get_variable_scope(g));
            total = total && loss ? vs_add(g, total, loss) : loss;
        }
    }
    vs_op *apply_gradient_op = total ? vs_minimize(g, opt, total, .global_step = global_step) : NULL;
    (void)apply_gradient_op;
    vs_graph_free(g);
    return 0;
}
