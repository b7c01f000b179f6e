/* realworld: avatar1_dense_after_pixel_shuffler (failing)
 *
 * Source: https://github.com/Unispac/Animation-Avatar-Generation/issues/1
 *   (code: source/ACGAN.py, source/resNet.py, source/tools.py at 0e4fe63,
 *   the last commit before the report).
 * TF raised (quoted from the report, at ACGAN.py's
 *   net_class = lrelu(layers.fully_connected(net, 512, normalizer_fn=None, activation_fn=None))):
 *   ValueError: The last dimension of the inputs to `Dense` should be
 *   defined. Found `None`.
 * Original Python (trimmed):
 *   def buildNet(self):
 *       self.realImageInput = tf.placeholder(tf.float32, [bs, 64, 64, 3])
 *       imageRotated = tf.contrib.image.rotate(tf.map_fn(flip, self.realImageInput), angles)
 *       self.z = tf.placeholder(tf.float32, [bs, 64]); self.randomLable = ... [bs, 23]
 *       dRealFedality, dRealLable = self.discriminator(imageRotated, reuse=False)
 *       dFake = self.generator(self.z, self.randomLable)
 *       dFakeFedality, dFakeLable = self.discriminator(dFake, update_collection="NO_OPS")
 *   def generator(self, z, y, isTraining=True, reuse=False):
 *       with tf.variable_scope("generator") as scope:
 *           net_h0 = layers.fully_connected(tf.concat([z, y], axis=1), 64*8*8, activation_fn=None, ...)
 *           net_h0 = tf.layers.batch_normalization(net_h0, training=isTraining)
 *           net = tf.nn.relu(tf.reshape(net_h0, [-1, 8, 8, 64]))
 *           input_stage = net
 *           for i in range(16): net = residual_block(net, 64, 1, 'resblock_%d' % i)
 *           net = tf.nn.relu(tf.layers.batch_normalization(net, training=isTraining))
 *           net = input_stage + net
 *           net = conv2(net, 3, 256, 1, scope='conv1'); net = pixelShuffler(net, scale=2)
 *           net = tf.nn.relu(tf.layers.batch_normalization(net, ...))   # twice more: conv2, conv3
 *           net = conv2(net, 9, 3, 1, scope='conv4'); return tf.nn.tanh(net)
 *   def discriminator(self, x, isTraining=True, reuse=True, update_collection=None):
 *       with tf.variable_scope("discriminator") as scope:
 *           if reuse: scope.reuse_variables()
 *           with tf.variable_scope('input_stage'): net = lrelu(conv2(x, 4, 32, 2, scope='conv'), 0.2)
 *           net = discriminator_block(net, 32, 3, 1, 'disblock_1') ...
 *           net = conv2d_sn(net, 4, 64, 2, scope='dis_conv_1') ... dis_conv_5 (1024)
 *           net = layers.flatten(net)
 *           net_class = lrelu(layers.fully_connected(net, 512, ...))     # raises
 *   # resNet.pixelShuffler(inputs, scale=2): size = tf.shape(inputs); h = size[1]; w = size[2]
 *   #     c = inputs.get_shape().as_list()[-1]; ... tf.split(inputs, c // 4, axis=3)
 *   #     each piece tf.reshape(.., [batch_size, h * 2, w * 2, 1]) with those tensors; tf.concat(.., axis=3)
 *   # resNet.conv2d_sn: variable_scope(scope): get_variable(scope+"kernel",
 *   #     [k, k, input.get_shape()[-1], out]); spectral_norm(w, "sn3") makes "u" [1, out]
 *   # resNet.conv2: variable_scope(scope): tf.contrib.layers.convolution2d(...)
 * Why: pixelShuffler reshapes with the dynamic shape (tf.shape), so the
 *   generator's images have unknown height and width: [?, ?, ?, 3].  The
 *   discriminator flattens them to [?, ?], and the Dense layer inside
 *   fully_connected cannot make a kernel whose first dimension is
 *   unknown (layers/core.py, Dense.build).  The real images, of static
 *   shape, went through the same discriminator without error.
 * Library calls: vs_fully_connected, vs_batch_normalization, vs_flatten,
 *   vs_get_variable, vs_variable_scope_enter (block forms), vs_reuse_variables;
 *   tfops.h for conv, reshape, concat, lrelu.
 * Translation: contrib's convolution2d is written with the library's
 *   variable scope and get_variable as contrib does (scope "Conv",
 *   weights then biases); the image augmentation keeps the input's shape;
 *   the losses and optimizers come after the failing line and are left
 *   out.
 */
#include <stdbool.h>
#include <stdio.h>

#include "tfops.h"

enum { bs = 64, code_size = 64, label_size = 23 };

static vs_tensor *lrelu(vs_graph *g, vs_tensor *x)
{
    vs_tensor *out = NULL;
    if (!x)
        return NULL;
    VS_VARIABLE_SCOPE(g, "lrelu") {
        out = tf_like(g, "add", x);
    }
    return out;
}

/* NHWC output of a SAME convolution with the given stride */
static vs_tensor *conv_out(vs_graph *g, vs_tensor *x, int stride, int64_t channels)
{
    const vs_shape *in = vs_tensor_shape(x);
    return tf_shaped(g, "Conv2D", VS_FLOAT32, VS_SHAPE(in->dims[0], tf_ceil_div(in->dims[1], stride), tf_ceil_div(in->dims[2], stride), channels));
}

/* resNet.conv2: tf.contrib.layers.convolution2d(..., padding='same', activation_fn=None) */
static vs_tensor *conv2(vs_graph *g, vs_tensor *batch_input, int kernel, int output_channel, int stride, const char *scope)
{
    vs_tensor *out = NULL;
    if (!batch_input)
        return NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "Conv") {
            int64_t in_ch = vs_tensor_shape(batch_input)->dims[3];
            vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(kernel, kernel, in_ch, output_channel), .initializer = vs_init_glorot_uniform());
            vs_var *biases = weights ? vs_get_variable(g, "biases", .shape = VS_SHAPE(output_channel), .initializer = vs_init_zeros()) : NULL;
            out = biases ? vs_bias_add(g, conv_out(g, batch_input, stride, output_channel), vs_value(biases)) : NULL;
        }
    }
    return out;
}

/* tools.spectral_norm(w, "sn3") */
static vs_tensor *spectral_norm(vs_graph *g, vs_var *w)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, "sn3") {
        const vs_shape *ws = vs_var_shape(w);
        vs_var *u = vs_get_variable(g, "u", .shape = VS_SHAPE(1, ws->dims[ws->rank - 1]), .initializer = vs_init_random_normal(0, 1), .not_trainable = true);
        out = u ? tf_like(g, "truediv", vs_value(w)) : NULL;
    }
    return out;
}

/* resNet.conv2d_sn(ibatch_input, kernel, output_channel, stride, scope) */
static vs_tensor *conv2d_sn(vs_graph *g, vs_tensor *ibatch_input, int kernel, int output_channel, int stride, const char *scope)
{
    vs_tensor *net = NULL;
    if (!ibatch_input)
        return NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        char name[32];
        snprintf(name, sizeof name, "%skernel", scope);
        vs_var *w = vs_get_variable(g, name, .shape = VS_SHAPE(kernel, kernel, vs_tensor_shape(ibatch_input)->dims[3], output_channel));
        vs_tensor *filter = w ? spectral_norm(g, w) : NULL;
        net = filter ? lrelu(g, conv_out(g, ibatch_input, stride, output_channel)) : NULL;
    }
    return net;
}

static vs_tensor *discriminator_block(vs_graph *g, vs_tensor *inputs, int output_channel, int kernel_size, int stride, const char *scope)
{
    vs_tensor *net = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        net = conv2d_sn(g, inputs, kernel_size, output_channel, stride, "conv_1");
        net = lrelu(g, net);
        net = conv2d_sn(g, inputs, kernel_size, output_channel, stride, "conv_2");
        net = net ? lrelu(g, vs_add(g, net, inputs)) : NULL;
    }
    return net;
}

static vs_tensor *residual_block(vs_graph *g, vs_tensor *inputs, int output_channel, int stride, const char *scope)
{
    vs_tensor *net = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        net = conv2(g, inputs, 3, output_channel, stride, "conv_1");
        net = net ? vs_relu(g, vs_batch_normalization(g, net, .training = true)) : NULL;
        net = conv2(g, net, 3, output_channel, stride, "conv_2");
        net = net ? vs_add(g, vs_batch_normalization(g, net, .training = true), inputs) : NULL;
    }
    return net;
}

/* resNet.pixelShuffler(inputs, scale=2): reshapes with tf.shape(inputs) */
static vs_tensor *pixel_shuffler(vs_graph *g, vs_tensor *inputs, int scale)
{
    if (!inputs)
        return NULL;
    int64_t c = vs_tensor_shape(inputs)->dims[3];
    int64_t channel_target = c / (scale * scale);
    vs_tensor *pieces[64];
    for (int64_t i = 0; i < channel_target && i < 64; i++)
        pieces[i] = tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, -1, -1, 1));   /* [batch_size, h*2, w*2, 1] from tensors */
    return tf_concat(g, pieces, (int)channel_target, 3);
}

static vs_tensor *generator(vs_graph *g, vs_tensor *z, vs_tensor *y, bool reuse)
{
    vs_tensor *net = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "generator") {
        int s = 64, s8 = s / 8;
        if (reuse)
            vs_reuse_variables(scope);
        vs_tensor *zy[2] = {z, y};
        vs_tensor *noise_vector = tf_concat(g, zy, 2, 1);
        vs_tensor *net_h0 = vs_fully_connected(g, noise_vector, 64 * s8 * s8, .activation = VS_ACT_NONE, .weights_initializer = vs_init_random_normal(0, 0.02));
        net_h0 = net_h0 ? vs_batch_normalization(g, net_h0, .training = true) : NULL;
        net = net_h0 ? vs_relu(g, tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, s8, s8, 64))) : NULL;
        vs_tensor *input_stage = net;
        for (int i = 0; i < 16; i++) {
            char name[16];
            snprintf(name, sizeof name, "resblock_%d", i);
            net = residual_block(g, net, 64, 1, name);
        }
        net = net ? vs_relu(g, vs_batch_normalization(g, net, .training = true)) : NULL;
        net = net ? vs_add(g, input_stage, net) : NULL;
        static const char *const convs[3] = {"conv1", "conv2", "conv3"};
        for (int i = 0; i < 3; i++) {
            net = pixel_shuffler(g, conv2(g, net, 3, 256, 1, convs[i]), 2);
            net = net ? vs_relu(g, vs_batch_normalization(g, net, .training = true)) : NULL;
        }
        net = conv2(g, net, 9, 3, 1, "conv4");
        net = net ? vs_tanh(g, net) : NULL;
    }
    return net;
}

static vs_tensor *discriminator(vs_graph *g, vs_tensor *x, bool reuse, vs_tensor **net_class_out)
{
    static const int depth[5] = {64, 128, 256, 512, 1024};
    static const int kernel[5] = {4, 4, 3, 3, 3};
    static const char *const scopes[5] = {"dis_conv_1", "conv", "dis_conv_3", "dis_conv_4", "dis_conv_5"};
    vs_tensor *net = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "discriminator") {
        if (reuse)
            vs_reuse_variables(scope);
        VS_VARIABLE_SCOPE(g, "input_stage") {
            net = lrelu(g, conv2(g, x, 4, 32, 2, "conv"));
        }
        net = discriminator_block(g, net, 32, 3, 1, "disblock_1");
        net = discriminator_block(g, net, 32, 3, 1, "disblock_1_1");
        for (int stage = 0; stage < 5; stage++) {
            net = conv2d_sn(g, net, kernel[stage], depth[stage], 2, scopes[stage]);
            if (stage > 0)
                net = lrelu(g, net);
            for (int b = 1; b <= 4 && stage < 4; b++) {
                char name[24];
                snprintf(name, sizeof name, "disblock_%d_%d", stage + 2, b);
                net = discriminator_block(g, net, depth[stage], 3, 1, name);
            }
        }
        net = net ? vs_flatten(g, net) : NULL;
        vs_tensor *net_class = net ? lrelu(g, vs_fully_connected(g, net, 512, .activation = VS_ACT_NONE)) : NULL; // expect: undefined-shape
        net_class = net_class ? lrelu(g, vs_fully_connected(g, net_class, 256, .activation = VS_ACT_NONE)) : NULL;
        net_class = net_class ? vs_fully_connected(g, net_class, label_size, .activation = VS_ACT_NONE) : NULL;
        net = net_class ? lrelu(g, vs_fully_connected(g, net, 512, .activation = VS_ACT_NONE)) : NULL;
        net = net ? lrelu(g, vs_fully_connected(g, net, 256, .activation = VS_ACT_NONE)) : NULL;
        net = net ? vs_fully_connected(g, net, 1, .activation = VS_ACT_NONE) : NULL;
        *net_class_out = net_class;
    }
    return net;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *realImageInput = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(bs, 64, 64, 3), .name = "realImageInput");
    vs_tensor *imageRotated = tf_like(g, "rotate", tf_like(g, "map", realImageInput));
    vs_tensor *z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(bs, code_size), .name = "Z");
    vs_tensor *randomLable = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(bs, label_size), .name = "ramdomLable");
    vs_tensor *dRealLable, *dFakeLable;
    vs_tensor *dRealFedality = discriminator(g, imageRotated, false, &dRealLable);
    vs_tensor *dFake = generator(g, z, randomLable, false);
    vs_tensor *dFakeFedality = discriminator(g, dFake, true, &dFakeLable);
    (void)dRealFedality, (void)dFakeFedality;
    vs_graph_free(g);
    return 0;
}
