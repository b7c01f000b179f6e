/* realworld: inpainting8_adversarial_bn_ema (fixed)
 *
 * Source: https://github.com/jazzsaxmafia/Inpainting/issues/8 (see the
 *   failing program's header).
 * Fix (ours; the thread has none): the second adversarial network is
 *   built with reuse=tf.AUTO_REUSE instead of reuse=True, so it shares
 *   the convolutions' W and b and the batch norms' gamma and beta, and
 *   its own batch moments get averages of their own
 *   ("DIS/bn1/DIS_1/bn1/moments/Squeeze/ExponentialMovingAverage").
 */
#include <stddef.h>

#include "tfops.h"

enum { batch_size = 100, hiding_size = 64 };

typedef vs_tensor *(*activation_fn)(vs_graph *g, vs_tensor *x);

static vs_tensor *identity(vs_graph *g, vs_tensor *x) { return tf_like(g, "Identity", x); }

static vs_tensor *new_conv_layer(vs_graph *g, vs_tensor *bottom, const vs_shape *filter_shape, activation_fn activation,
                                 int same, int stride, const char *name)
{
    vs_tensor *bias = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *w = vs_get_variable(g, "W", .shape = filter_shape, .initializer = vs_init_random_normal(0.0, 0.005));
        vs_var *b = w ? vs_get_variable(g, "b", .shape = VS_SHAPE(filter_shape->dims[3]), .initializer = vs_init_constant(0.0)) : NULL;
        vs_tensor *conv = b ? tf_conv2d(g, bottom, w, stride, same) : NULL;
        bias = conv ? activation(g, vs_bias_add(g, conv, vs_value(b))) : NULL;
    }
    return bias;
}

static vs_tensor *new_deconv_layer(vs_graph *g, vs_tensor *bottom, const vs_shape *filter_shape, const vs_shape *output_shape,
                                   activation_fn activation, const char *name)
{
    vs_tensor *bias = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *W = vs_get_variable(g, "W", .shape = filter_shape, .initializer = vs_init_random_normal(0.0, 0.005));
        vs_var *b = W ? vs_get_variable(g, "b", .shape = VS_SHAPE(filter_shape->dims[2]), .initializer = vs_init_constant(0.0)) : NULL;
        vs_tensor *ins[2] = {bottom, b ? vs_value(W) : NULL};
        vs_tensor *deconv = tf_op(g, "conv2d_transpose", ins, 2, VS_FLOAT32, output_shape);
        bias = deconv ? activation(g, vs_bias_add(g, deconv, vs_value(b))) : NULL;
    }
    return bias;
}

static vs_tensor *new_fc_layer(vs_graph *g, vs_tensor *bottom, int64_t output_size, const char *name)
{
    if (!bottom)
        return NULL;
    const vs_shape *shape = vs_tensor_shape(bottom);
    int64_t dim = 1;
    for (int i = 1; i < shape->rank; i++)
        dim *= shape->dims[i];
    vs_tensor *x = tfg_reshape(g, bottom, VS_SHAPE(-1, dim));
    vs_tensor *fc = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *w = vs_get_variable(g, "W", .shape = VS_SHAPE(dim, output_size), .initializer = vs_init_random_normal(0.0, 0.005));
        vs_var *b = w ? vs_get_variable(g, "b", .shape = VS_SHAPE(output_size), .initializer = vs_init_constant(0.0)) : NULL;
        fc = b ? vs_bias_add(g, vs_matmul(g, x, vs_value(w)), vs_value(b)) : NULL;
    }
    return fc;
}

static vs_tensor *leaky_relu(vs_graph *g, vs_tensor *bottom) { return tfg_like(g, "Maximum", bottom); }

static vs_tensor *batchnorm(vs_graph *g, vs_tensor *bottom, vs_tensor *is_train, const char *name)
{
    if (!bottom)
        return NULL;
    bottom = tf_like(g, "clip_by_value", bottom);
    int64_t depth = vs_tensor_shape(bottom)->dims[3];
    vs_tensor *normed = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *gamma = vs_get_variable(g, "gamma", .shape = VS_SHAPE(depth), .initializer = vs_init_constant(1.0));
        vs_var *beta = gamma ? vs_get_variable(g, "beta", .shape = VS_SHAPE(depth), .initializer = vs_init_constant(0.0)) : NULL;
        vs_tensor *moments[2] = {NULL, NULL};      /* batch_mean, batch_var */
        VS_NAME_SCOPE(g, "moments") {
            moments[0] = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SHAPE(depth));
            moments[1] = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SHAPE(depth));
        }
        vs_ema *ema = vs_exponential_moving_average(g, 0.5);
        vs_op *ema_apply_op = beta ? vs_ema_apply_tensors(g, ema, moments, 2) : NULL;
        vs_var *ema_mean = vs_ema_average_tensor(ema, moments[0]);
        vs_var *ema_var = vs_ema_average_tensor(ema, moments[1]);
        if (ema_apply_op && ema_mean && ema_var) {
            vs_tensor *mean = NULL, *var = NULL;
            VS_NAME_SCOPE(g, "cond") {            /* update(), then the lambda */
                vs_tensor *m[3] = {is_train, tf_like(g, "Identity", moments[0]), vs_value(ema_mean)};
                vs_tensor *v[3] = {is_train, tf_like(g, "Identity", moments[1]), vs_value(ema_var)};
                mean = tf_op(g, "Merge", m, 3, VS_FLOAT32, VS_SHAPE(depth));
                var = tf_op(g, "Merge", v, 3, VS_FLOAT32, VS_SHAPE(depth));
            }
            vs_tensor *ins[5] = {bottom, mean, var, vs_value(beta), vs_value(gamma)};
            normed = tf_op(g, "BatchNormWithGlobalNormalization", ins, 5, VS_FLOAT32, vs_tensor_shape(bottom));
        }
    }
    return normed;
}

static vs_tensor *build_reconstruction(vs_graph *g, vs_tensor *images, vs_tensor *is_train)
{
    int64_t bs = vs_tensor_shape(images)->dims[0];
    vs_tensor *recon = NULL;
    VS_VARIABLE_SCOPE(g, "GEN") {
        vs_tensor *conv1 = new_conv_layer(g, images, VS_SHAPE(4, 4, 3, 64), identity, 1, 2, "conv1");
        vs_tensor *bn1 = leaky_relu(g, batchnorm(g, conv1, is_train, "bn1"));
        vs_tensor *conv2 = new_conv_layer(g, bn1, VS_SHAPE(4, 4, 64, 64), identity, 1, 2, "conv2");
        vs_tensor *bn2 = leaky_relu(g, batchnorm(g, conv2, is_train, "bn2"));
        vs_tensor *conv3 = new_conv_layer(g, bn2, VS_SHAPE(4, 4, 64, 128), identity, 1, 2, "conv3");
        vs_tensor *bn3 = leaky_relu(g, batchnorm(g, conv3, is_train, "bn3"));
        vs_tensor *conv4 = new_conv_layer(g, bn3, VS_SHAPE(4, 4, 128, 256), identity, 1, 2, "conv4");
        vs_tensor *bn4 = leaky_relu(g, batchnorm(g, conv4, is_train, "bn4"));
        vs_tensor *conv5 = new_conv_layer(g, bn4, VS_SHAPE(4, 4, 256, 512), identity, 1, 2, "conv5");
        vs_tensor *bn5 = leaky_relu(g, batchnorm(g, conv5, is_train, "bn5"));
        vs_tensor *conv6 = new_conv_layer(g, bn5, VS_SHAPE(4, 4, 512, 4000), identity, 0, 2, "conv6");
        vs_tensor *bn6 = leaky_relu(g, batchnorm(g, conv6, is_train, "bn6"));
        if (conv2 && conv3 && conv4 && conv5) {   /* their shapes give the deconvolutions' */
            vs_tensor *deconv4 = new_deconv_layer(g, bn6, VS_SHAPE(4, 4, 512, 4000), vs_tensor_shape(conv5), identity, "deconv4");
            vs_tensor *debn4 = vs_relu(g, batchnorm(g, deconv4, is_train, "debn4"));
            vs_tensor *deconv3 = new_deconv_layer(g, debn4, VS_SHAPE(4, 4, 256, 512), vs_tensor_shape(conv4), identity, "deconv3");
            vs_tensor *debn3 = vs_relu(g, batchnorm(g, deconv3, is_train, "debn3"));
            vs_tensor *deconv2 = new_deconv_layer(g, debn3, VS_SHAPE(4, 4, 128, 256), vs_tensor_shape(conv3), identity, "deconv2");
            vs_tensor *debn2 = vs_relu(g, batchnorm(g, deconv2, is_train, "debn2"));
            vs_tensor *deconv1 = new_deconv_layer(g, debn2, VS_SHAPE(4, 4, 64, 128), vs_tensor_shape(conv2), identity, "deconv1");
            vs_tensor *debn1 = vs_relu(g, batchnorm(g, deconv1, is_train, "debn1"));
            recon = new_deconv_layer(g, debn1, VS_SHAPE(4, 4, 3, 64), VS_SHAPE(bs, 64, 64, 3), identity, "recon");
        }
    }
    return recon ? vs_tanh(g, recon) : NULL;
}

static vs_tensor *build_adversarial(vs_graph *g, vs_tensor *images, vs_tensor *is_train, vs_reuse reuse)
{
    vs_tensor *output = NULL;
    VS_VARIABLE_SCOPE(g, "DIS", .reuse = reuse) {
        vs_tensor *conv1 = new_conv_layer(g, images, VS_SHAPE(4, 4, 3, 64), identity, 1, 2, "conv1");
        vs_tensor *bn1 = leaky_relu(g, batchnorm(g, conv1, is_train, "bn1"));
        vs_tensor *conv2 = new_conv_layer(g, bn1, VS_SHAPE(4, 4, 64, 128), identity, 1, 2, "conv2");
        vs_tensor *bn2 = leaky_relu(g, batchnorm(g, conv2, is_train, "bn2"));
        vs_tensor *conv3 = new_conv_layer(g, bn2, VS_SHAPE(4, 4, 128, 256), identity, 1, 2, "conv3");
        vs_tensor *bn3 = leaky_relu(g, batchnorm(g, conv3, is_train, "bn3"));
        vs_tensor *conv4 = new_conv_layer(g, bn3, VS_SHAPE(4, 4, 256, 512), identity, 1, 2, "conv4");
        vs_tensor *bn4 = leaky_relu(g, batchnorm(g, conv4, is_train, "bn4"));
        output = new_fc_layer(g, bn4, 1, "output");
    }
    return output;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *is_train = vs_placeholder(g, VS_BOOL, VS_SCALAR);
    vs_tensor *images_tf = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, 128, 128, 3), .name = "images");
    vs_tensor *images_hiding = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, hiding_size, hiding_size, 3), .name = "images_hiding");

    vs_tensor *reconstruction = build_reconstruction(g, images_tf, is_train);
    vs_tensor *adversarial_pos = build_adversarial(g, images_hiding, is_train, VS_REUSE_INHERIT);
    vs_tensor *adversarial_neg = build_adversarial(g, reconstruction, is_train, VS_AUTO_REUSE);
    (void)adversarial_pos;
    (void)adversarial_neg;                /* losses, optimizers, the session */
    vs_graph_free(g);
    return 0;
}
