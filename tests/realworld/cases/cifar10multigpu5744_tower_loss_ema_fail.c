/* realworld: cifar10multigpu5744_tower_loss_ema (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/5744
 *   ("Unable to run cifar10_multi_gpu_train as is in TensorFlow master",
 *   jkschin, 2016-11-21: "Simply changed num_gpus to 2"; a duplicate of
 *   tensorflow#5652; code: tensorflow/models/image/cifar10/ of that
 *   time, cifar10_multi_gpu_train.py and cifar10.py, as a fork of the
 *   day holds it: ashokdeepin/tensorflow 5296a1e).
 * TF raised (quoted from the report, TF 0.12 master):
 *   ValueError: Variable tower_1/tower_1/conv1/weight_loss/avg/biased does
 *   not exist, or was not created with tf.get_variable(). Did you mean to
 *   set reuse=None in VarScope?
 *   TF 1.15 fails the same call one step earlier: its slot creator makes
 *   the average itself with get_variable (slot_creator.py,
 *   create_zeros_slot; moving_averages.py, ExponentialMovingAverage.apply),
 *   so tower 1's average "tower_1/conv1/weight_loss/avg/" does not exist
 *   under the leaked reuse (TF 1.15's zero_debias is off by default).
 * Original Python (trimmed):
 *   def tower_loss(scope):
 *     images, labels = cifar10.distorted_inputs()
 *     logits = cifar10.inference(images)
 *     _ = cifar10.loss(logits, labels)
 *     losses = tf.get_collection('losses', scope)
 *     total_loss = tf.add_n(losses, name='total_loss')
 *     # Compute the moving average of all individual losses and the total loss.
 *     loss_averages = tf.train.ExponentialMovingAverage(0.9, name='avg')
 *     loss_averages_op = loss_averages.apply(losses + [total_loss])
 *     ... (summaries)
 *     with tf.control_dependencies([loss_averages_op]):
 *       total_loss = tf.identity(total_loss)
 *     return total_loss
 *   def train():
 *     with tf.Graph().as_default(), tf.device('/cpu:0'):
 *       global_step = tf.get_variable('global_step', [], initializer=tf.constant_initializer(0), trainable=False)
 *       lr = tf.train.exponential_decay(...)
 *       opt = tf.train.GradientDescentOptimizer(lr)
 *       tower_grads = []
 *       for i in xrange(FLAGS.num_gpus):
 *         with tf.device('/gpu:%d' % i):
 *           with tf.name_scope('%s_%d' % (cifar10.TOWER_NAME, i)) as scope:
 *             loss = tower_loss(scope)
 *             tf.get_variable_scope().reuse_variables()
 *             summaries = tf.get_collection(tf.GraphKeys.SUMMARIES, scope)
 *             grads = opt.compute_gradients(loss)
 *             tower_grads.append(grads)
 *       ... (average_gradients, apply_gradients, the variables' moving
 *            averages, the session)
 *   # cifar10.py: _variable_with_weight_decay(name, shape, stddev, wd):
 *   #   var = _variable_on_cpu(name, shape, tf.truncated_normal_initializer(stddev=stddev))
 *   #   if wd is not None:
 *   #     weight_decay = tf.mul(tf.nn.l2_loss(var), wd, name='weight_loss')
 *   #     tf.add_to_collection('losses', weight_decay)
 *   # inference: conv1 (5x5x3x64, wd 0.0), pool1, norm1, conv2 (5x5x64x64),
 *   #   norm2, pool2, local3 ([dim, 384], wd 0.004, dim from the reshaped
 *   #   pool2), local4 ([384, 192]), softmax_linear ([192, 10], wd 0.0),
 *   #   each in tf.variable_scope('<layer>') with 'weights' and 'biases'.
 *   # loss: cross_entropy_mean = tf.reduce_mean(..., name='cross_entropy');
 *   #   tf.add_to_collection('losses', cross_entropy_mean)
 *   #   return tf.add_n(tf.get_collection('losses'), name='total_loss')
 * Why: tower 0 averages its losses (tower_0/conv1/weight_loss/avg ...)
 *   with reuse off; then reuse_variables() on the root scope makes every
 *   later get_variable look up, and tower 1's averages are new names.
 * Library calls: vs_get_variable, vs_variable_scope (block form),
 *   vs_name_scope (block form), vs_reuse_variables, vs_multiply,
 *   vs_reduce_mean, vs_exponential_moving_average,
 *   vs_ema_apply_tensors, vs_tensor_name; tfops.h for the inputs, conv2d,
 *   pooling, lrn, reshape, l2_loss, the cross entropy and add_n.
 * Translation: the 'losses' collection holds tensors, which the
 *   library's collections do not: it is an array the helpers append to,
 *   and get_collection('losses', scope) keeps the tensors whose name
 *   starts with the scope (TF's re.match on the name); FLAGS.batch_size
 *   128, the 24x24 crops of distorted_inputs, num_gpus 2 as the report
 *   ran; tf.device makes no scope and is left out; the gradient descent
 *   optimizer makes no variable, and compute_gradients (which the library
 *   has no separate form of) and what follows the loop come after the
 *   failure and are left out; Python stops at the first error, the C
 *   program returns there.
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
    /* Compute the moving average of all individual losses and the total loss. */
    vs_ema *loss_averages = vs_exponential_moving_average(g, 0.9, .name = "avg");
    vs_op *loss_averages_op = vs_ema_apply_tensors(g, loss_averages, losses, n); // expect: missing-variable
    if (!loss_averages_op)
        return NULL;
    return tf_like(g, "Identity", total_loss);
}

static void train(void)
{
    vs_graph *g = vs_graph_new();                    /* tf.Graph().as_default() */
    vs_var *global_step = vs_get_variable(g, "global_step", .shape = VS_SCALAR, .initializer = vs_init_constant(0), .not_trainable = true);
    (void)global_step;
    for (int i = 0; i < num_gpus; i++) {
        char tower[32];
        snprintf(tower, sizeof tower, "%s_%d", "tower", i);
        vs_tensor *tower_total = NULL;
        VS_NAME_SCOPE(g, tower) {
            const char *scope = vs_current_name_scope(g);    /* 'tower_0/' */
            tower_total = tower_loss(g, scope);
            vs_reuse_variables(vs_get_variable_scope(g));
        }
        if (!tower_total)
            break;                                   /* Python raised here */
    }
    vs_graph_free(g);
}

int main(void)
{
    train();
    return 0;
}
