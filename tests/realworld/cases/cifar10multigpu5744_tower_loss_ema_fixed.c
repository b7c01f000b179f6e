/* realworld: cifar10multigpu5744_tower_loss_ema (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/5744
 * Fix: the repository's, in two steps: the fix of tensorflow#5652 (the
 *   TF tree at 065b160) took the moving averages of the losses out of
 *   tower_loss (only summaries of the raw losses are left), and the later
 *   tensorflow/models tutorials/image/cifar10/cifar10_multi_gpu_train.py
 *   wraps the tower loop in the root scope re-entered, so that its
 *   reuse_variables() ends with the loop:
 *     with tf.variable_scope(tf.get_variable_scope()):
 *       for i in xrange(FLAGS.num_gpus):
 *         with tf.device('/gpu:%d' % i):
 *           with tf.name_scope('%s_%d' % (cifar10.TOWER_NAME, i)) as scope:
 *             loss = tower_loss(scope, image_batch, label_batch)
 *             tf.get_variable_scope().reuse_variables()
 *             ...
 *     ...
 *     variable_averages = tf.train.ExponentialMovingAverage(cifar10.MOVING_AVERAGE_DECAY, global_step)
 *     variables_averages_op = variable_averages.apply(tf.trainable_variables())
 *   Without the second step TF 1.15 fails the variables' averages after
 *   the loop (their slots are get_variable under the leaked reuse).
 * Translation: as the failing program; the loop in
 *   VS_VARIABLE_SCOPE_REENTER of the root scope; the variables' moving
 *   averages (decay 0.9999) after it.
 */
#include <stdio.h>
#include <string.h>

#include "tfops.h"

enum { batch_size = 128, image_size = 24, num_classes = 10, num_gpus = 2, max_losses = 64 };

/* tf.add_to_collection('losses', ...) / tf.get_collection('losses', scope) */
static vs_tensor *losses_collection[max_losses];
static size_t n_losses;

static void add_to_losses(vs_tensor *t)
{
    if (t && n_losses < max_losses)
        losses_collection[n_losses++] = t;
}

static size_t get_losses(const char *scope, vs_tensor **out)
{
    size_t n = 0;
    for (size_t i = 0; i < n_losses; i++)
        if (!scope || strncmp(vs_tensor_name(losses_collection[i]), scope, strlen(scope)) == 0)
            out[n++] = losses_collection[i];
    return n;
}

/* cifar10._variable_on_cpu */
static vs_var *variable_on_cpu(vs_graph *g, const char *name, const vs_shape *shape, vs_init initializer)
{
    return vs_get_variable(g, name, .shape = shape, .initializer = initializer);
}

/* cifar10._variable_with_weight_decay */
static vs_var *variable_with_weight_decay(vs_graph *g, const char *name, const vs_shape *shape, double stddev, double wd)
{
    vs_var *var = variable_on_cpu(g, name, shape, vs_init_truncated_normal(0.0, stddev));
    if (var) {
        float wd_value = (float)wd;
        vs_tensor *weight_decay = vs_multiply(g, tf_shaped(g, "L2Loss", VS_FLOAT32, VS_SCALAR), vs_scalar_f32(g, wd_value), .name = "weight_loss");
        add_to_losses(weight_decay);
    }
    return var;
}

/* cifar10.inference(images) */
static vs_tensor *inference(vs_graph *g, vs_tensor *images)
{
    vs_tensor *conv1 = NULL, *conv2 = NULL, *local3 = NULL, *local4 = NULL, *softmax_linear = NULL;
    VS_VARIABLE_SCOPE(g, "conv1") {
        vs_var *kernel = variable_with_weight_decay(g, "weights", VS_SHAPE(5, 5, 3, 64), 5e-2, 0.0);
        vs_tensor *conv = tf_conv2d(g, images, kernel, 1, 1);
        vs_var *biases = variable_on_cpu(g, "biases", VS_SHAPE(64), vs_init_constant(0.0));
        conv1 = conv && biases ? vs_relu(g, vs_bias_add(g, conv, vs_value(biases)), .name = "conv1") : NULL;
    }
    vs_tensor *pool1 = tf_pool(g, "pool1", conv1, 3, 2, 1);
    vs_tensor *norm1 = tf_like(g, "norm1", pool1);
    VS_VARIABLE_SCOPE(g, "conv2") {
        vs_var *kernel = variable_with_weight_decay(g, "weights", VS_SHAPE(5, 5, 64, 64), 5e-2, 0.0);
        vs_tensor *conv = tf_conv2d(g, norm1, kernel, 1, 1);
        vs_var *biases = variable_on_cpu(g, "biases", VS_SHAPE(64), vs_init_constant(0.1));
        conv2 = conv && biases ? vs_relu(g, vs_bias_add(g, conv, vs_value(biases)), .name = "conv2") : NULL;
    }
    vs_tensor *norm2 = tf_like(g, "norm2", conv2);
    vs_tensor *pool2 = tf_pool(g, "pool2", norm2, 3, 2, 1);
    VS_VARIABLE_SCOPE(g, "local3") {
        const vs_shape *p = pool2 ? vs_tensor_shape(pool2) : NULL;
        vs_tensor *reshape = p ? tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(batch_size, p->dims[1] * p->dims[2] * p->dims[3])) : NULL;
        int64_t dim = reshape ? vs_tensor_shape(reshape)->dims[1] : -1;
        vs_var *weights = variable_with_weight_decay(g, "weights", VS_SHAPE(dim, 384), 0.04, 0.004);
        vs_var *biases = variable_on_cpu(g, "biases", VS_SHAPE(384), vs_init_constant(0.1));
        local3 = reshape && weights && biases ? vs_relu(g, vs_add(g, vs_matmul(g, reshape, vs_value(weights)), vs_value(biases)), .name = "local3") : NULL;
    }
    VS_VARIABLE_SCOPE(g, "local4") {
        vs_var *weights = variable_with_weight_decay(g, "weights", VS_SHAPE(384, 192), 0.04, 0.004);
        vs_var *biases = variable_on_cpu(g, "biases", VS_SHAPE(192), vs_init_constant(0.1));
        local4 = local3 && weights && biases ? vs_relu(g, vs_add(g, vs_matmul(g, local3, vs_value(weights)), vs_value(biases)), .name = "local4") : NULL;
    }
    VS_VARIABLE_SCOPE(g, "softmax_linear") {
        vs_var *weights = variable_with_weight_decay(g, "weights", VS_SHAPE(192, num_classes), 1 / 192.0, 0.0);
        vs_var *biases = variable_on_cpu(g, "biases", VS_SHAPE(num_classes), vs_init_constant(0.0));
        softmax_linear = local4 && weights && biases ? vs_add(g, vs_matmul(g, local4, vs_value(weights)), vs_value(biases), .name = "softmax_linear") : NULL;
    }
    return softmax_linear;
}

/* cifar10.loss(logits, labels) */
static vs_tensor *loss(vs_graph *g, vs_tensor *logits)
{
    if (!logits)
        return NULL;
    vs_tensor *cross_entropy = tf_shaped(g, "cross_entropy_per_example", VS_FLOAT32, VS_SHAPE(batch_size));
    vs_tensor *cross_entropy_mean = vs_reduce_mean(g, cross_entropy, .name = "cross_entropy");
    add_to_losses(cross_entropy_mean);
    return tf_shaped(g, "total_loss", VS_FLOAT32, VS_SCALAR);    /* tf.add_n(tf.get_collection('losses')) */
}

static vs_tensor *tower_loss(vs_graph *g, const char *scope)
{
    vs_tensor *images = tf_shaped(g, "distorted_inputs", VS_FLOAT32, VS_SHAPE(batch_size, image_size, image_size, 3));
    vs_tensor *logits = inference(g, images);
    vs_tensor *unused = loss(g, logits);
    (void)unused;
    vs_tensor *losses[max_losses + 1];
    size_t n = get_losses(scope, losses);
    vs_tensor *total_loss = tf_shaped(g, "total_loss", VS_FLOAT32, VS_SCALAR);   /* tf.add_n(losses, name='total_loss') */
    losses[n++] = total_loss;
    /* summaries of losses[0 .. n-1] only */
    return total_loss;
}

static void train(void)
{
    vs_graph *g = vs_graph_new();                    /* tf.Graph().as_default() */
    vs_var *global_step = vs_get_variable(g, "global_step", .shape = VS_SCALAR, .initializer = vs_init_constant(0), .not_trainable = true);
    (void)global_step;
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g)) {
        for (int i = 0; i < num_gpus; i++) {
            char tower[32];
            snprintf(tower, sizeof tower, "%s_%d", "tower", i);
            VS_NAME_SCOPE(g, tower) {
                const char *scope = vs_current_name_scope(g);    /* 'tower_0/' */
                vs_tensor *tower_total = tower_loss(g, scope);
                (void)tower_total;
                vs_reuse_variables(vs_get_variable_scope(g));
            }
        }
    }
    /* Track the moving averages of all trainable variables. */
    vs_ema *variable_averages = vs_exponential_moving_average(g, 0.9999);
    vs_op *variables_averages_op = vs_ema_apply(g, variable_averages);
    (void)variables_averages_op;
    vs_graph_free(g);
}

int main(void)
{
    train();
    return 0;
}
