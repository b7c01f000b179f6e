/* realworld: mcgan1_bn_object_ema_reuse (failing)
 *
 * Source: https://github.com/xudonmao/Multi-class_GAN/issues/1
 *   (code: mcgan.py, ops.py and train_chn.py at 9fba8fc).
 * TF raised (quoted from the report's title; TF >= 1.4, the hint names
 *   AUTO_REUSE):
 *   ValueError: Variable d_bn1/d_bn1_1/moments/Squeeze/
 *   ExponentialMovingAverage/ does not exist, or was not created with
 *   tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in
 *   VarScope?
 * Original Python (trimmed):
 *   class batch_norm(object):                      # ops.py
 *       def __init__(self, epsilon=1e-5, momentum=0.9, name="batch_norm"):
 *           with tf.variable_scope(name):
 *               self.epsilon = epsilon; self.momentum = momentum
 *               self.ema = tf.train.ExponentialMovingAverage(decay=self.momentum)
 *               self.name = name
 *       def __call__(self, x, train=True):
 *           shape = x.get_shape().as_list()
 *           if train:
 *               with tf.variable_scope(self.name) as scope:
 *                   self.beta = tf.get_variable("beta", [shape[-1]], initializer=tf.constant_initializer(0.))
 *                   self.gamma = tf.get_variable("gamma", [shape[-1]], initializer=tf.random_normal_initializer(1., 0.02))
 *                   try:
 *                       batch_mean, batch_var = tf.nn.moments(x, [0, 1, 2], name='moments')
 *                   except:
 *                       batch_mean, batch_var = tf.nn.moments(x, [0, 1], name='moments')
 *                   ema_apply_op = self.ema.apply([batch_mean, batch_var])
 *                   self.ema_mean, self.ema_var = self.ema.average(batch_mean), self.ema.average(batch_var)
 *                   with tf.control_dependencies([ema_apply_op]):
 *                       mean, var = tf.identity(batch_mean), tf.identity(batch_var)
 *           else:
 *               mean, var = self.ema_mean, self.ema_var
 *           normed = tf.nn.batch_norm_with_global_normalization(x, mean, var, self.beta, self.gamma, self.epsilon, scale_after_normalization=True)
 *           return normed
 *   def conv2d(input_, output_dim, k_h=5, k_w=5, d_h=2, d_w=2, stddev=0.02, name="conv2d"):
 *       with tf.variable_scope(name):
 *           w = tf.get_variable('w', [k_h, k_w, input_.get_shape()[-1], output_dim], ...)
 *           conv = tf.nn.conv2d(input_, w, strides=[1, d_h, d_w, 1], padding='SAME')
 *           biases = tf.get_variable('biases', [output_dim], initializer=tf.constant_initializer(0.0))
 *           conv = tf.reshape(tf.nn.bias_add(conv, biases), conv.get_shape())
 *           return conv
 *   def deconv2d(input_, output_shape, ..., name="deconv2d"):   # w [5,5,out,in], biases
 *   def linear(input_, output_size, scope=None, stddev=0.02, bias_start=0.0):
 *       with tf.variable_scope(scope or "Linear"):
 *           matrix = tf.get_variable("Matrix", [shape[1], output_size], tf.float32, ...)
 *           bias = tf.get_variable("bias", [output_size], ...)
 *           return tf.matmul(input_, matrix) + bias
 *   # mcgan.py
 *   d_bn1 = batch_norm(name='d_bn1'); d_bn2 = batch_norm(name='d_bn2')
 *   g_bn0 = batch_norm(name='g_bn0'); g_bn1 = batch_norm(name='g_bn1'); g_bn2 = batch_norm(name='g_bn2')
 *   def discriminator(image, y, reuse=False, for_G=False):
 *       if reuse:
 *           tf.get_variable_scope().reuse_variables()
 *       y_size = 256
 *       y_linear = linear(y, y_size, 'd_liner')
 *       y_conv = tf.reshape(y_linear, [FLAGS.batch_size, 1, 1, y_size])
 *       h0 = lrelu(conv2d(image, FLAGS.c_dim + y_size, name='d_h0_conv'), name='d_h0_relu')
 *       h0 = conv_cond_concat(h0, y_conv)
 *       h1 = lrelu(d_bn1(conv2d(h0, 64 + y_size, name='d_h1_conv')), name='d_h1_relu')
 *       h1 = tf.reshape(h1, [FLAGS.batch_size, -1]); h1 = tf.concat(1, [h1, y_linear])
 *       h2 = lrelu(d_bn2(linear(h1, 1024, 'd_h2_lin')), name='d_h2_relu')
 *       h2 = tf.concat(1, [h2, y_linear])
 *       h3_logits = linear(h2, 1, 'd_h3_logits')
 *       h3_sigmoid = tf.nn.sigmoid(h3_logits, name='d_h3_sigmoid')
 *       return h3_logits, h3_sigmoid
 *   def generator(z, y):
 *       s2, s4 = int(FLAGS.output_size/2), int(FLAGS.output_size/4)
 *       y_linear = linear(y, 256, 'g_liner'); z = tf.concat(1, [z, y_linear])
 *       h1 = tf.nn.relu(g_bn1(linear(z, 128*s4*s4, 'g_h1_lin')), name='g_h1_relu')
 *       h1 = tf.reshape(h1, [FLAGS.batch_size, s4, s4, 128])
 *       h2 = tf.nn.relu(g_bn2(deconv2d(h1, [FLAGS.batch_size, s2, s2, 128], name='g_h2')), name='g_h2_relu')
 *       h3 = tf.nn.sigmoid(deconv2d(h2, [FLAGS.batch_size, FLAGS.output_size, FLAGS.output_size, FLAGS.c_dim], name='g_h3'), ...)
 *       return h3
 *   def inference(image, label_y, random_z):
 *       G_image = generator(random_z, label_y)
 *       D_logits_real, D_sigmoid_real = discriminator(image, label_y)
 *       D_logits_fake, D_sigmoid_fake = discriminator(G_image, label_y, True)
 *       ...
 *   # train_chn.py: batch_size 64, y_dim 3740, c_dim 1, z_dim 1024, output_size 28;
 *   # with tf.Graph().as_default(): images, label_y, random_z = mcgan.inputs(); mcgan.inference(...)
 * Why: the batch norm objects share beta and gamma under the leaked
 *   reuse, but their EMA averages the new call's moments, ops of the name
 *   scope "d_bn1_1/moments" (re-entering "d_bn1" by string opens a new
 *   name scope): the average "d_bn1/d_bn1_1/moments/Squeeze/
 *   ExponentialMovingAverage" is a new name, refused under reuse.
 * Library calls: vs_variable_scope_enter (block form), vs_name_scope_enter
 *   (block form), vs_reuse_variables, vs_get_variable, vs_matmul, vs_add,
 *   vs_relu, vs_sigmoid, vs_exponential_moving_average,
 *   vs_ema_apply_tensors, vs_ema_average_tensor; tfops.h stand-ins.
 * Translation: a batch_norm object is a struct with its name and EMA,
 *   called through a function; the objects are made at import, in the
 *   default graph of that moment, and the model in train_chn.py's new
 *   tf.Graph(), which is why the second call's name scope is d_bn1_1; tf.nn.moments is its ops in the name
 *   scope "moments" (Squeeze, Squeeze_1); the try/except is a rank test:
 *   axes [0, 1, 2] on a rank-2 input fail in the "mean" op's shape
 *   function after the name scope "moments" was taken, so the except
 *   branch's moments are in "moments_1" and reduce to scalars.  FLAGS
 *   are train_chn.py's defaults.
 */
#include <stdbool.h>
#include <stdint.h>

#include "tfops.h"

enum { batch_size = 64, y_dim = 3740, c_dim = 1, z_dim = 1024, output_size = 28 };

typedef struct batch_norm {
    const char *name;
    double epsilon, momentum;
    vs_ema *ema;
    vs_var *beta, *gamma, *ema_mean, *ema_var;
} batch_norm;

/* batch_norm.__init__, run when mcgan.py is imported: its variable scope
 * is entered in the default graph of that moment (import_graph); the
 * EMA object makes nothing until apply, and is made here for the graph
 * it is used in (the library binds an EMA object to a graph) */
static void batch_norm_init(vs_graph *import_graph, vs_graph *g, batch_norm *bn, const char *name)
{
    VS_VARIABLE_SCOPE(import_graph, name) {
        bn->epsilon = 1e-5;
        bn->momentum = 0.9;
        bn->ema = vs_exponential_moving_average(g, bn->momentum);
        bn->name = name;
    }
}

static vs_tensor *batch_norm_call(vs_graph *g, batch_norm *bn, vs_tensor *x, bool train)
{
    if (!x)
        return NULL;
    const vs_shape *shape = vs_tensor_shape(x);
    vs_tensor *mean = NULL, *var = NULL;
    if (train) {
        VS_VARIABLE_SCOPE(g, bn->name) {
            bn->beta = vs_get_variable(g, "beta", .shape = VS_SHAPE(shape->dims[shape->rank - 1]), .initializer = vs_init_constant(0.0));
            bn->gamma = bn->beta ? vs_get_variable(g, "gamma", .shape = VS_SHAPE(shape->dims[shape->rank - 1]), .initializer = vs_init_random_normal(1.0, 0.02)) : NULL;
            vs_tensor *moments[2] = {NULL, NULL};   /* batch_mean, batch_var */
            if (shape->rank >= 3) {
                VS_NAME_SCOPE(g, "moments") {
                    moments[0] = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SHAPE(shape->dims[3]));
                    moments[1] = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SHAPE(shape->dims[3]));
                }
            } else {
                VS_NAME_SCOPE(g, "moments") {
                    /* reduce_mean(x, [0, 1, 2], name="mean"): invalid axis */
                }
                VS_NAME_SCOPE(g, "moments") {   /* the except branch: moments_1 */
                    moments[0] = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SCALAR);
                    moments[1] = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SCALAR);
                }
            }
            vs_op *ema_apply_op = bn->gamma ? vs_ema_apply_tensors(g, bn->ema, moments, 2) : NULL; // expect: missing-variable
            bn->ema_mean = vs_ema_average_tensor(bn->ema, moments[0]);
            bn->ema_var = vs_ema_average_tensor(bn->ema, moments[1]);
            if (ema_apply_op) {
                mean = tf_like(g, "Identity", moments[0]);
                var = tf_like(g, "Identity", moments[1]);
            }
        }
    } else if (bn->ema_mean && bn->ema_var) {
        mean = vs_value(bn->ema_mean);
        var = vs_value(bn->ema_var);
    }
    if (!mean || !var || !bn->beta || !bn->gamma)
        return NULL;
    vs_tensor *ins[5] = {x, mean, var, vs_value(bn->beta), vs_value(bn->gamma)};
    return tf_op(g, "BatchNormWithGlobalNormalization", ins, 5, VS_FLOAT32, shape);
}

static vs_tensor *conv2d(vs_graph *g, vs_tensor *input_, int64_t output_dim, const char *name)
{
    if (!input_)
        return NULL;
    vs_tensor *conv = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5, vs_tensor_shape(input_)->dims[3], output_dim), .initializer = vs_init_truncated_normal(0.0, 0.02));
        conv = w ? tfg_conv2d(g, input_, w, 2, 1) : NULL;
        vs_var *biases = conv ? vs_get_variable(g, "biases", .shape = VS_SHAPE(output_dim), .initializer = vs_init_constant(0.0)) : NULL;
        conv = biases ? vs_add(g, conv, vs_value(biases)) : NULL;
    }
    return conv;
}

static vs_tensor *deconv2d(vs_graph *g, vs_tensor *input_, const vs_shape *output_shape, const char *name)
{
    if (!input_)
        return NULL;
    vs_tensor *deconv = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5, output_shape->dims[3], vs_tensor_shape(input_)->dims[3]), .initializer = vs_init_random_normal(0.0, 0.02));
        vs_tensor *ins[2] = {input_, w ? vs_value(w) : NULL};
        deconv = tf_op(g, "conv2d_transpose", ins, 2, VS_FLOAT32, output_shape);
        vs_var *biases = deconv ? vs_get_variable(g, "biases", .shape = VS_SHAPE(output_shape->dims[3]), .initializer = vs_init_constant(0.0)) : NULL;
        deconv = biases ? vs_add(g, deconv, vs_value(biases)) : NULL;
    }
    return deconv;
}

static vs_tensor *linear(vs_graph *g, vs_tensor *input_, int64_t output_size, const char *scope)
{
    if (!input_)
        return NULL;
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        vs_var *matrix = vs_get_variable(g, "Matrix", .shape = VS_SHAPE(vs_tensor_shape(input_)->dims[1], output_size), .dtype = VS_FLOAT32, .initializer = vs_init_random_normal(0.0, 0.02));
        vs_var *bias = matrix ? vs_get_variable(g, "bias", .shape = VS_SHAPE(output_size), .initializer = vs_init_constant(0.0)) : NULL;
        out = bias ? vs_add(g, vs_matmul(g, input_, vs_value(matrix)), vs_value(bias)) : NULL;
    }
    return out;
}

static vs_tensor *lrelu(vs_graph *g, vs_tensor *x) { return tfg_like(g, "Maximum", x); }

static vs_tensor *concat1(vs_graph *g, vs_tensor *a, vs_tensor *b)
{
    vs_tensor *xs[2] = {a, b};
    return tfg_concat(g, xs, 2, 1);
}

static batch_norm d_bn1, d_bn2, g_bn0, g_bn1, g_bn2;

static vs_tensor *discriminator(vs_graph *g, vs_tensor *image, vs_tensor *y, bool reuse)
{
    if (reuse)
        vs_reuse_variables(vs_get_variable_scope(g));
    const int64_t y_size = 256;
    vs_tensor *y_linear = linear(g, y, y_size, "d_liner");
    vs_tensor *y_conv = tfg_reshape(g, y_linear, VS_SHAPE(batch_size, 1, 1, y_size));
    vs_tensor *h0 = lrelu(g, conv2d(g, image, c_dim + y_size, "d_h0_conv"));
    if (h0 && y_conv) {                  /* conv_cond_concat(h0, y_conv) */
        const vs_shape *s = vs_tensor_shape(h0);
        vs_tensor *xs[2] = {h0, tfg_like(g, "mul", y_conv)};
        vs_tensor *c = tfg_concat(g, xs, 2, 3);
        h0 = c ? tfg_reshape(g, c, VS_SHAPE(s->dims[0], s->dims[1], s->dims[2], s->dims[3] + y_size)) : NULL;
    }
    vs_tensor *h1 = lrelu(g, batch_norm_call(g, &d_bn1, conv2d(g, h0, 64 + y_size, "d_h1_conv"), true));
    if (h1) {
        const vs_shape *s = vs_tensor_shape(h1);
        h1 = concat1(g, tfg_reshape(g, h1, VS_SHAPE(batch_size, s->dims[1] * s->dims[2] * s->dims[3])), y_linear);
    }
    vs_tensor *h2 = lrelu(g, batch_norm_call(g, &d_bn2, linear(g, h1, 1024, "d_h2_lin"), true));
    h2 = h2 ? concat1(g, h2, y_linear) : NULL;
    vs_tensor *h3_logits = linear(g, h2, 1, "d_h3_logits");
    return h3_logits;
}

static vs_tensor *generator(vs_graph *g, vs_tensor *z, vs_tensor *y)
{
    const int64_t s2 = output_size / 2, s4 = output_size / 4;
    vs_tensor *y_linear = linear(g, y, 256, "g_liner");
    z = concat1(g, z, y_linear);
    vs_tensor *h1 = vs_relu(g, batch_norm_call(g, &g_bn1, linear(g, z, 128 * s4 * s4, "g_h1_lin"), true));
    h1 = tfg_reshape(g, h1, VS_SHAPE(batch_size, s4, s4, 128));
    vs_tensor *h2 = vs_relu(g, batch_norm_call(g, &g_bn2, deconv2d(g, h1, VS_SHAPE(batch_size, s2, s2, 128), "g_h2"), true));
    vs_tensor *h3 = deconv2d(g, h2, VS_SHAPE(batch_size, output_size, output_size, c_dim), "g_h3");
    return h3 ? vs_sigmoid(g, h3) : NULL;
}

int main(void)
{
    vs_graph *import_graph = vs_graph_new();   /* the default graph at import */
    vs_graph *g = vs_graph_new();          /* with tf.Graph().as_default() */
    batch_norm_init(import_graph, g, &d_bn1, "d_bn1");   /* mcgan.py's module level */
    batch_norm_init(import_graph, g, &d_bn2, "d_bn2");
    batch_norm_init(import_graph, g, &g_bn0, "g_bn0");
    batch_norm_init(import_graph, g, &g_bn1, "g_bn1");
    batch_norm_init(import_graph, g, &g_bn2, "g_bn2");
    vs_tensor *images = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, output_size, output_size, c_dim));
    vs_tensor *label_y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, y_dim));
    vs_tensor *random_z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, z_dim));

    /* inference(images, label_y, random_z) */
    vs_tensor *G_image = generator(g, random_z, label_y);
    vs_tensor *D_logits_real = discriminator(g, images, label_y, false);
    vs_tensor *D_logits_fake = discriminator(g, G_image, label_y, true);
    (void)D_logits_real;
    (void)D_logits_fake;                   /* ..., losses, train ops */
    vs_graph_free(g);
    vs_graph_free(import_graph);
    return 0;
}
