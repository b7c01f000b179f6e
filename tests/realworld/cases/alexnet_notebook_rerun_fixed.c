/* realworld: alexnet_notebook_rerun (fixed: the model cell resets the graph)
 *
 * Source: https://github.com/kratzert/finetune_alexnet_with_tensorflow/issues/8
 *   ("Error in notebook"), notebook validate_alexnet_on_imagenet.ipynb and
 *   alexnet.py of 2017-02 (commit 5693f0d).
 * TF raised (quoted from the report's title):
 *   ValueError: Variable conv1/weights already exists, disallowed. Did you
 *   mean to set reuse=True in VarScope
 * Original (trimmed):
 *   # alexnet.py
 *   class AlexNet(object):
 *     def __init__(self, x, keep_prob, num_classes, skip_layer, weights_path = 'DEFAULT'):
 *       ...
 *       self.create()
 *     def create(self):
 *       conv1 = conv(self.X, 11, 11, 96, 4, 4, padding = 'VALID', name = 'conv1')
 *       pool1 = max_pool(conv1, 3, 3, 2, 2, padding = 'VALID', name = 'pool1')
 *       norm1 = lrn(pool1, 2, 2e-05, 0.75, name = 'norm1')
 *       conv2 = conv(norm1, 5, 5, 256, 1, 1, groups = 2, name = 'conv2')
 *       ...   # pool2, norm2, conv3 (384), conv4 (384, groups 2), conv5 (256, groups 2), pool5
 *       flattened = tf.reshape(pool5, [-1, 6*6*256])
 *       fc6 = fc(flattened, 6*6*256, 4096, name='fc6')
 *       ...   # dropout6, fc7 (4096), dropout7
 *       self.fc8 = fc(dropout7, 4096, self.NUM_CLASSES, relu = False, name='fc8')
 *     def load_initial_weights(self, session):
 *       weights_dict = np.load(self.WEIGHTS_PATH, encoding = 'bytes').item()
 *       for op_name in weights_dict:
 *         if op_name not in self.SKIP_LAYER:
 *           with tf.variable_scope(op_name, reuse = True):
 *             for data in weights_dict[op_name]:
 *               if len(data.shape) == 1:
 *                 var = tf.get_variable('biases', trainable = False)
 *                 session.run(var.assign(data))
 *               else:
 *                 var = tf.get_variable('weights', trainable = False)
 *                 session.run(var.assign(data))
 *   def conv(x, filter_height, filter_width, num_filters, stride_y, stride_x, name, padding='SAME', groups=1):
 *     input_channels = int(x.get_shape()[-1])
 *     ...
 *     with tf.variable_scope(name) as scope:
 *       weights = tf.get_variable('weights', shape = [filter_height, filter_width, input_channels/groups, num_filters])
 *       biases = tf.get_variable('biases', shape = [num_filters])
 *       ...   # split into groups, conv2d each, concat; bias_add; relu
 *   def fc(x, num_in, num_out, name, relu = True):
 *     with tf.variable_scope(name) as scope:
 *       weights = tf.get_variable('weights', shape=[num_in, num_out], trainable=True)
 *       biases = tf.get_variable('biases', [num_out], trainable=True)
 *       ...
 *   # the notebook
 *   x = tf.placeholder(tf.float32, [1, 227, 227, 3])                 # cell 4
 *   keep_prob = tf.placeholder(tf.float32)
 *   model = AlexNet(x, keep_prob, 1000, [])
 *   score = model.fc8
 *   softmax = tf.nn.softmax(score)
 *   with tf.Session() as sess:                                        # cell 6
 *       sess.run(tf.global_variables_initializer())
 *       model.load_initial_weights(sess)
 *       ...
 * Why: the model cell is run a second time in the same kernel: AlexNet
 *   builds conv1/weights again in the default graph, with reuse off.
 * Fix: the thread does not show one (the issue is closed without code
 *   here); the usual remedy, kept in the fixed program: the model cell
 *   starts with tf.reset_default_graph().
 * Translation: the notebook's cells are functions, run as the user did:
 *   4, 6, then 4 again.  bvlc_alexnet.npy's keys are a table of names read
 *   as load_initial_weights reads them; the session's assignments are left
 *   out.  Convolutions, pooling, lrn, dropout and softmax are stand-ins
 *   with TF's output shapes (tfops.h); a grouped convolution's output has
 *   num_filters channels as the concat of its groups has.  conv takes its
 *   input channels from the tensor; input_channels/groups is an integer
 *   here (Python 3 gives 48.0, which TF's Dimension accepts as 48).
 */
#include "tfops.h"

typedef struct AlexNet {
    vs_graph *g;
    vs_tensor *X, *KEEP_PROB, *fc8;
    int NUM_CLASSES;
} AlexNet;

static vs_tensor *conv(vs_graph *g, vs_tensor *x, int filter_height, int filter_width, int num_filters, int stride, const char *name, int same, int groups)
{
    int64_t input_channels = x ? vs_tensor_shape(x)->dims[3] : -1;
    vs_tensor *relu = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(filter_height, filter_width, input_channels / groups, num_filters));
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(num_filters));
        vs_tensor *out = tf_conv2d(g, x, weights, stride, same);
        out = biases ? tf_like(g, "BiasAdd", out) : NULL;
        relu = tf_like(g, name, out);
    }
    return relu;
}

static vs_tensor *fc(vs_graph *g, vs_tensor *x, int num_in, int num_out, const char *name)
{
    vs_tensor *act = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(num_in, num_out));
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(num_out));
        if (x && weights && biases)
            act = vs_add(g, vs_matmul(g, x, vs_value(weights)), vs_value(biases), .name = name);
    }
    return act;
}

static void create(AlexNet *self)
{
    vs_graph *g = self->g;
    vs_tensor *conv1 = conv(g, self->X, 11, 11, 96, 4, "conv1", 0, 1);
    vs_tensor *pool1 = tf_pool(g, "pool1", conv1, 3, 2, 0);
    vs_tensor *norm1 = tf_like(g, "norm1", pool1);
    vs_tensor *conv2 = conv(g, norm1, 5, 5, 256, 1, "conv2", 1, 2);
    vs_tensor *pool2 = tf_pool(g, "pool2", conv2, 3, 2, 0);
    vs_tensor *norm2 = tf_like(g, "norm2", pool2);
    vs_tensor *conv3 = conv(g, norm2, 3, 3, 384, 1, "conv3", 1, 1);
    vs_tensor *conv4 = conv(g, conv3, 3, 3, 384, 1, "conv4", 1, 2);
    vs_tensor *conv5 = conv(g, conv4, 3, 3, 256, 1, "conv5", 1, 2);
    vs_tensor *pool5 = tf_pool(g, "pool5", conv5, 3, 2, 0);
    vs_tensor *flattened = pool5 ? tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, 6 * 6 * 256)) : NULL;
    vs_tensor *fc6 = fc(g, flattened, 6 * 6 * 256, 4096, "fc6");
    vs_tensor *dropout6 = tf_like(g, "dropout", fc6);
    vs_tensor *fc7 = fc(g, dropout6, 4096, 4096, "fc7");
    vs_tensor *dropout7 = tf_like(g, "dropout", fc7);
    self->fc8 = fc(g, dropout7, 4096, self->NUM_CLASSES, "fc8");
}

/* bvlc_alexnet.npy: weights_dict's keys; each holds [weights, biases] */
static const char *const npy_layers[] = {"conv1", "conv2", "conv3", "conv4", "conv5", "fc6", "fc7", "fc8"};

static void load_initial_weights(AlexNet *self)
{
    for (size_t i = 0; i < sizeof npy_layers / sizeof *npy_layers; i++) {
        VS_VARIABLE_SCOPE(self->g, npy_layers[i], .reuse = VS_REUSE) {
            vs_get_variable(self->g, "weights"); /* trainable=False: ignored for an existing variable */
            vs_get_variable(self->g, "biases");
        }
    }
}

static AlexNet model;

static vs_graph *default_graph;

static void cell4(void)
{
    vs_graph_free(default_graph); /* tf.reset_default_graph() */
    vs_graph *g = default_graph = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, 227, 227, 3));
    vs_tensor *keep_prob = vs_placeholder(g, VS_FLOAT32, VS_SCALAR);
    model = (AlexNet){.g = g, .X = x, .KEEP_PROB = keep_prob, .NUM_CLASSES = 1000};
    create(&model);
    vs_tensor *score = model.fc8;
    vs_tensor *softmax = tf_like(g, "Softmax", score);
    (void)softmax;
}

static void cell6(void)
{
    load_initial_weights(&model);
}

int main(void)
{
    default_graph = vs_graph_new(); /* the kernel's default graph */
    cell4();
    cell6();
    cell4(); /* the model cell run again */
    cell6();
    vs_graph_free(default_graph);
    return 0;
}
