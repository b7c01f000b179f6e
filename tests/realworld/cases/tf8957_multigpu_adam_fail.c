/* realworld: tf8957_multigpu_adam (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/8957
 *   ("Tensorflow multi-GPU training and variable scope", TF 1.0).
 * TF raised (quoted from the report, at opt.apply_gradients()):
 *   ValueError: Variable conv1_1/kernel/Adam/ does not exist, or was not
 *   created with tf.get_variable(). Did you mean to set reuse=None in
 *   VarScope?
 * Original Python (the report follows models/tutorials/image/cifar10/
 *   cifar10_multi_gpu_train.py, with an AdamOptimizer instead of
 *   GradientDescentOptimizer; the detector's layers are tf.layers with
 *   names, conv1_1 first):
 *   opt = tf.train.AdamOptimizer(lr)
 *   tower_grads = []
 *   for i in xrange(FLAGS.num_gpus):
 *     with tf.device('/gpu:%d' % i):
 *       with tf.name_scope('tower_%d' % i) as scope:
 *         loss = tower_loss(scope)
 *         tf.get_variable_scope().reuse_variables()
 *         grads = opt.compute_gradients(loss)
 *         tower_grads.append(grads)
 *   grads = average_gradients(tower_grads)
 *   apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
 * Why: reuse_variables() sets reuse on the root variable scope (a name
 *   scope does not open a variable scope) and nothing resets it, so the
 *   slot creator's get_variable("conv1_1/kernel/Adam") runs under reuse
 *   and finds no slot (slot_creator.py; the reporter points at it).
 *   GradientDescent has no slots, which is why cifar10's example worked.
 * Library calls: vs_conv2d, vs_dense, vs_adam_optimizer, vs_minimize,
 *   vs_reuse_variables; tfops.h for the loss.
 * Translation: two GPUs (tf.device makes no scope); the detector is cut
 *   to its first layers (conv1_1, conv1_2 and a dense head), which is
 *   where the report fails.  compute_gradients + average_gradients +
 *   apply_gradients are one minimize over the towers' summed loss at the
 *   apply_gradients line: the same variables get gradients, and the
 *   slots are made there, under the same reuse.
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
    for (int i = 0; i < num_gpus; i++) {
        char name[16];
        snprintf(name, sizeof name, "tower_%d", i);
        VS_NAME_SCOPE(g, name) {
            vs_tensor *loss = tower_loss(g);
            vs_reuse_variables(vs_get_variable_scope(g));
            total = total ? vs_add(g, total, loss) : loss;
        }
    }
    vs_op *apply_gradient_op = vs_minimize(g, opt, total, .global_step = global_step); // expect: missing-variable
    (void)apply_gradient_op;
    vs_graph_free(g);
    return 0;
}
