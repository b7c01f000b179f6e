/* realworld: bdd4_towers_momentum (failing)
 *
 * Source: https://github.com/gy20073/BDD_Driving_Model/issues/4
 *   ('Error when running "python config.py train discrete_tcnn1"'; code:
 *   train.py at 1acb101, the report's day).
 * TF raised (quoted from the report; the reporter: "I can't find anything
 *   about conv1/weights/Momentum"):
 *   File "train.py", line 399, in train
 *     apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
 *   ...
 *   File ".../tensorflow/python/training/momentum.py", line 66, in _create_slots
 *     self._zeros_slot(v, "momentum", self._name)
 *   File ".../tensorflow/python/training/slot_creator.py", line 174, in create_zeros_slot
 *   (ValueError: Variable conv1/weights/Momentum/ does not exist, or was
 *   not created with tf.get_variable() ...)
 * Original Python (trimmed):
 *   if FLAGS.optimizer == "rmsprop": ...
 *   elif FLAGS.optimizer == "sgd":
 *       opt = tf.train.MomentumOptimizer(lr, FLAGS.momentum, use_nesterov=False)
 *   elif FLAGS.optimizer == "adadelta": ... elif FLAGS.optimizer == "adam": ...
 *   input_splits = _tensor_list_splits(net_inputs, FLAGS.num_gpus)
 *   tower_grads = []
 *   for i in xrange(FLAGS.num_gpus):
 *       with tf.device('/gpu:%s' % i):
 *           with tf.name_scope('%s_%d' % (model.TOWER_NAME, i)) as scope:
 *               loss = _tower_loss(input_splits[i], output_splits[i], num_classes, scope)
 *               ...   # learning rate multipliers at i == 0 (none for this model)
 *               # Reuse variables for the next tower.
 *               tf.get_variable_scope().reuse_variables()
 *               grads = opt.compute_gradients(loss, var_list=grad_var_list)
 *               tower_grads.append(grads)
 *   grads = _average_gradients(tower_grads)
 *   apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)    # line 399
 *   variable_averages = tf.train.ExponentialMovingAverage(model.MOVING_AVERAGE_DECAY, global_step)
 *   # _tower_loss: logits = model.inference(inputs, num_classes, for_training=True, scope=scope)
 * Why: the towers are name scopes, so reuse_variables() sets reuse on the
 *   root variable scope and leaves it on; the Momentum slot of the first
 *   variable, conv1/weights, is then looked up instead of created (slot
 *   creation uses get_variable since TF 0.12; the code comes from the
 *   Inception multi-GPU trainer written before that).
 * Library calls: vs_momentum_optimizer (chosen by a string, as FLAGS does),
 *   vs_name_scope_enter (block form, snprintf'd names), vs_reuse_variables,
 *   vs_get_variable, vs_get_or_create_global_step, vs_minimize; tfops.h.
 * Translation: two GPUs; the driving model is cut to its first
 *   convolution (conv1, as the report names it) and a classifier head
 *   (ours); compute_gradients per tower + _average_gradients +
 *   apply_gradients are one minimize over the towers' summed loss at the
 *   apply_gradients line (the same variables get gradients, the slots are
 *   made there, under the same reuse); the moving averages come after the
 *   failing line and are left out.
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
    vs_op *apply_gradient_op = total ? vs_minimize(g, opt, total, .global_step = global_step) : NULL; // expect: missing-variable
    (void)apply_gradient_op;
    vs_graph_free(g);
    return 0;
}
