/* realworld: faster_rcnn_two_nets (failing)
 *
 * Source: https://github.com/smallcorgi/Faster-RCNN_TF/issues/165
 *   ("When training,[Variable conv1_1/weights already exists, disallowed]
 *   error occurred"); code: lib/networks/network.py and VGGnet_test.py
 *   (commit 549812b)
 * TF raised (quoted from the thread):
 *   ValueError: Variable conv1_1/weights already exists, disallowed. Did
 *   you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 *   Originally defined at:
 *   {my_internal_model_dir_path}/lib/networks/network.py", line 86, in make_var
 *     return tf.get_variable(name, shape, initializer=initializer, trainable=trainable, regularizer=regularizer)
 * The thread (jaig): "In my one python script, I was trying to load two
 *   different models one after other. First one ran successfully but the
 *   error arose while loading the second one. I handled it by making two
 *   scripts each loading one model".
 * Original (trimmed):
 *   class Network(object):
 *       def feed(self, *args):            # layers fed by name or by tensor
 *           self.inputs = []
 *           for layer in args:
 *               if isinstance(layer, basestring):
 *                   layer = self.layers[layer]
 *               self.inputs.append(layer)
 *           return self
 *       def make_var(self, name, shape, initializer=None, trainable=True):
 *           return tf.get_variable(name, shape, initializer=initializer, trainable=trainable)
 *       @layer
 *       def conv(self, input, k_h, k_w, c_o, s_h, s_w, name, relu=True, padding=DEFAULT_PADDING, group=1, trainable=True):
 *           c_i = input.get_shape()[-1]
 *           with tf.variable_scope(name) as scope:
 *               kernel = self.make_var('weights', [k_h, k_w, c_i/group, c_o], init_weights, trainable)
 *               biases = self.make_var('biases', [c_o], init_biases, trainable)
 *               ...
 *       @layer
 *       def fc(self, input, num_out, name, relu=True, trainable=True):
 *           with tf.variable_scope(name) as scope:
 *               ... dim = product of input_shape[1:] ...
 *               weights = self.make_var('weights', [dim, num_out], init_weights, trainable)
 *               biases = self.make_var('biases', [num_out], init_biases, trainable)
 *   class VGGnet_test(Network):
 *       def __init__(self, trainable=True):
 *           self.data = tf.placeholder(tf.float32, shape=[None, None, None, 3])
 *           self.im_info = tf.placeholder(tf.float32, shape=[None, 3])
 *           self.keep_prob = tf.placeholder(tf.float32)
 *           self.layers = dict({'data':self.data, 'im_info':self.im_info})
 *           self.setup()
 *       def setup(self):
 *           (self.feed('data').conv(3, 3, 64, 1, 1, name='conv1_1', trainable=False) ... .conv(3, 3, 512, 1, 1, name='conv5_3'))
 *           (self.feed('conv5_3').conv(3,3,512,1,1,name='rpn_conv/3x3')
 *                .conv(1,1,len(anchor_scales)*3*2,1,1,padding='VALID',relu = False,name='rpn_cls_score'))
 *           (self.feed('rpn_conv/3x3').conv(1,1,len(anchor_scales)*3*4,1,1,padding='VALID',relu = False,name='rpn_bbox_pred'))
 *           ... reshape, softmax, proposal_layer 'rois' ...
 *           (self.feed('conv5_3', 'rois').roi_pool(7, 7, 1.0/16, name='pool_5')
 *                .fc(4096, name='fc6').dropout(0.5, name='drop6').fc(4096, name='fc7')
 *                .dropout(0.5, name='drop7').fc(n_classes, relu=False, name='cls_score').softmax(name='cls_prob'))
 *           (self.feed('drop7').fc(n_classes*4, relu=False, name='bbox_pred'))
 * Why: the second network is built in the same default graph; its layer
 *   scopes ("conv1_1", ...) are entered by name, reuse off.
 * Fix (the thread): one model per process (or one graph per model:
 *   with tf.Graph().as_default()).
 * Translation: two VGGnet_test networks one after the other; the layer
 *   table is looked up by name as feed() does; ops without variables
 *   (pooling, reshape, softmax, the proposal and RoI-pooling layers) are
 *   stand-ins with TF's shapes (tfops.h).
 */
#include <string.h>

#include "tfops.h"

enum { N_CLASSES = 21, N_ANCHORS = 3 * 3, MAX_LAYERS = 64 };

typedef struct Network {
    vs_graph *g;
    const char *names[MAX_LAYERS];
    vs_tensor *outputs[MAX_LAYERS];
    int n;
    vs_tensor *input;           /* the terminal fed to the next layer */
} Network;

static vs_tensor *lookup(Network *self, const char *name)
{
    for (int i = 0; i < self->n; i++)
        if (strcmp(self->names[i], name) == 0)
            return self->outputs[i];
    return NULL;
}

static Network *feed(Network *self, const char *name)
{
    self->input = lookup(self, name);
    return self;
}

static void add_layer(Network *self, const char *name, vs_tensor *out)
{
    if (self->n < MAX_LAYERS) {
        self->names[self->n] = name;
        self->outputs[self->n++] = out;
    }
    self->input = out;
}

static vs_var *make_var(Network *self, const char *name, const vs_shape *shape, vs_init init)
{
    return vs_get_variable(self->g, name, .shape = shape, .initializer = init); // expect: duplicate-variable
}

static Network *conv(Network *self, int k, int c_o, int same, const char *name)
{
    vs_graph *g = self->g;
    vs_tensor *input = self->input, *out = NULL;
    int64_t c_i = input ? vs_tensor_shape(input)->dims[3] : -1;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *kernel = make_var(self, "weights", VS_SHAPE(k, k, c_i, c_o), vs_init_random_normal(0.0, 0.01));
        vs_var *biases = make_var(self, "biases", VS_SHAPE(c_o), vs_init_constant(0.0));
        out = biases ? tf_like(g, "BiasAdd", tf_conv2d(g, input, kernel, 1, same)) : NULL;
    }
    add_layer(self, name, out);
    return self;
}

static Network *max_pool(Network *self, const char *name)
{
    add_layer(self, name, tf_pool(self->g, name, self->input, 2, 2, 0));
    return self;
}

static Network *fc(Network *self, int num_out, const char *name)
{
    vs_graph *g = self->g;
    vs_tensor *input = self->input, *out = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        int64_t dim = -1;
        vs_tensor *feed_in = input;
        if (input && vs_tensor_shape(input)->rank == 4) {
            dim = 1;
            for (int d = 1; d < 4; d++)
                dim *= vs_tensor_shape(input)->dims[d];
            feed_in = tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, dim));
        } else if (input) {
            dim = vs_tensor_shape(input)->dims[1];
        }
        vs_var *weights = make_var(self, "weights", VS_SHAPE(dim, num_out), vs_init_random_normal(0.0, 0.01));
        vs_var *biases = make_var(self, "biases", VS_SHAPE(num_out), vs_init_constant(0.0));
        if (weights && biases && feed_in)
            out = vs_add(g, vs_matmul(g, feed_in, vs_value(weights)), vs_value(biases));
    }
    add_layer(self, name, out);
    return self;
}

static Network *op_layer(Network *self, const char *name, vs_tensor *out)
{
    add_layer(self, name, out);
    return self;
}

static void VGGnet_test(vs_graph *g, Network *self)
{
    memset(self, 0, sizeof *self);
    self->g = g;
    add_layer(self, "data", vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, -1, -1, 3)));
    add_layer(self, "im_info", vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3)));
    vs_placeholder(g, VS_FLOAT32, NULL);             /* keep_prob */

    feed(self, "data");
    conv(self, 3, 64, 1, "conv1_1");  conv(self, 3, 64, 1, "conv1_2");  max_pool(self, "pool1");
    conv(self, 3, 128, 1, "conv2_1"); conv(self, 3, 128, 1, "conv2_2"); max_pool(self, "pool2");
    conv(self, 3, 256, 1, "conv3_1"); conv(self, 3, 256, 1, "conv3_2"); conv(self, 3, 256, 1, "conv3_3");
    max_pool(self, "pool3");
    conv(self, 3, 512, 1, "conv4_1"); conv(self, 3, 512, 1, "conv4_2"); conv(self, 3, 512, 1, "conv4_3");
    max_pool(self, "pool4");
    conv(self, 3, 512, 1, "conv5_1"); conv(self, 3, 512, 1, "conv5_2"); conv(self, 3, 512, 1, "conv5_3");

    feed(self, "conv5_3");
    conv(self, 3, 512, 1, "rpn_conv/3x3");
    conv(self, 1, N_ANCHORS * 2, 0, "rpn_cls_score");
    feed(self, "rpn_conv/3x3");
    conv(self, 1, N_ANCHORS * 4, 0, "rpn_bbox_pred");
    feed(self, "rpn_cls_score");
    op_layer(self, "rpn_cls_score_reshape", tf_shaped(g, "transpose", VS_FLOAT32, VS_SHAPE(-1, -1, -1, 2)));
    op_layer(self, "rpn_cls_prob", tf_like(g, "rpn_cls_prob", self->input));
    op_layer(self, "rpn_cls_prob_reshape", tf_shaped(g, "transpose", VS_FLOAT32, VS_SHAPE(-1, -1, -1, N_ANCHORS * 2)));
    op_layer(self, "rois", tf_shaped(g, "rois", VS_FLOAT32, VS_SHAPE(-1, 5)));

    feed(self, "conv5_3");
    op_layer(self, "pool_5", tf_shaped(g, "pool_5", VS_FLOAT32, VS_SHAPE(-1, 7, 7, 512)));
    fc(self, 4096, "fc6");
    op_layer(self, "drop6", tf_like(g, "drop6", self->input));
    fc(self, 4096, "fc7");
    op_layer(self, "drop7", tf_like(g, "drop7", self->input));
    fc(self, N_CLASSES, "cls_score");
    op_layer(self, "cls_prob", tf_like(g, "cls_prob", self->input));
    feed(self, "drop7");
    fc(self, N_CLASSES * 4, "bbox_pred");
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    Network first, second;
    VGGnet_test(g, &first);      /* the first model loaded */
    VGGnet_test(g, &second);     /* the second one, same script */
    vs_graph_free(g);
    return 0;
}
