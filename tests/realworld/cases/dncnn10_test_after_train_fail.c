/* realworld: dncnn10_test_after_train (failing)
 *
 * Source: https://github.com/wbhu/DnCNN-tensorflow/issues/10
 *   ("reuse = true error"; code: main.py and model.py at b0c6839, the
 *   report's day).
 * TF raised (quoted from the report):
 *   Variable conv1/weights already exists, disallowed. Did you mean to set
 *   reuse=True in VarScope? Originally defined at: ...
 *   "This also had happened when I tried to run main.py multiple times
 *   consecutively." (Anaconda, Spyder)
 * Original Python (trimmed):
 *   def main(_):
 *       with tf.Session(config=...) as sess:
 *           model = DnCNN(sess, sigma=args.sigma, lr=args.lr, epoch=args.epoch, batch_size=args.batch_size)
 *           if args.phase == 'train': model.train()
 *           else: model.test()
 *   class DnCNN(object):
 *       def __init__(self, sess, patch_size=40, ..., input_c_dim=1, output_c_dim=1, ...):
 *           ...; self.build_model()
 *       def build_model(self):
 *           self.X = tf.placeholder(tf.float32, [None, 40, 40, 1], name='noisy_image')
 *           self.X_ = tf.placeholder(tf.float32, [None, 40, 40, 1], name='clean_image')
 *           with tf.variable_scope('conv1'):
 *               layer_1_output = self.layer(self.X, [3, 3, self.input_c_dim, 64], useBN=False)
 *           with tf.variable_scope('conv2'):
 *               layer_2_output = self.layer(layer_1_output, [3, 3, 64, 64])
 *           ...                                     # conv3 .. conv16 alike
 *           with tf.variable_scope('conv17'):
 *               self.Y = self.layer(layer_16_output, [3, 3, 64, self.output_c_dim], useBN=False)
 *           self.loss = (1.0 / self.batch_size) * tf.nn.l2_loss(self.Y_ - self.Y)
 *           optimizer = tf.train.AdamOptimizer(self.lr, name='AdamOptimizer')
 *           self.train_step = optimizer.minimize(self.loss)
 *       def conv_layer(self, inputdata, weightshape, b_init, stridemode):
 *           W = tf.get_variable('weights', weightshape, initializer=tf.constant_initializer(get_conv_weights(weightshape, self.sess)))
 *           b = tf.get_variable('biases', [1, weightshape[-1]], initializer=tf.constant_initializer(b_init))
 *       def bn_layer(self, logits, output_dim, b_init=0.0):
 *           alpha = tf.get_variable('bn_alpha', [1, output_dim], ...)
 *           beta = tf.get_variable('bn_beta', [1, output_dim], ...)
 *       def layer(self, inputdata, filter_shape, b_init=0.0, stridemode=[1, 1, 1, 1], useBN=True):
 *           logits = self.conv_layer(...); relu(bn_layer(logits) if useBN else logits)
 *   # the reporter: main.py run with --phase train, then with --phase test,
 *   # in the same Spyder console
 * Why: Spyder runs a script in the console's running interpreter, whose
 *   default graph keeps the first run's model; the second run's DnCNN
 *   builds conv1/weights again.  (Run from a shell, each run is a new
 *   process, which is why the maintainer could not reproduce it.)
 * Library calls: vs_variable_scope_enter (block form), vs_get_variable,
 *   vs_adam_optimizer (.name), vs_minimize; tfops.h (tfg_* forms).
 * Translation: the 17 layer scopes are made in the same order with
 *   snprintf'd names; get_conv_weights / get_bn_weights compute constant
 *   initial values, here initializers of the same shapes; a run of main.py
 *   is a function, called once per phase as the reporter did.
 */
#include <stdbool.h>
#include <stdio.h>

#include "tfops.h"

enum { patch_size = 40, batch_size = 128, input_c_dim = 1, output_c_dim = 1 };

static vs_graph *default_graph;

static vs_tensor *conv_layer(vs_graph *g, vs_tensor *inputdata, const vs_shape *weightshape)
{
    vs_var *W = vs_get_variable(g, "weights", .shape = weightshape, .initializer = vs_init_truncated_normal(0, 0.05)); // expect: duplicate-variable
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
    dncnn model;
    build_model(default_graph, &model, 0.001);   /* DnCNN(sess, ...) */
    (void)train;                          /* model.train() / model.test() */
}

int main(void)
{
    default_graph = vs_graph_new();
    run_main(true);
    run_main(false);
    vs_graph_free(default_graph);
    return 0;
}
