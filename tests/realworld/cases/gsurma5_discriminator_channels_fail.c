/* realworld: gsurma5_discriminator_channels (failing)
 *
 * Source: https://github.com/gsurma/image_generator/issues/5 and the
 *   notebook it runs, ImageGeneratorDCGAN.ipynb of gsurma/image_generator
 *   (Python beside this file: gsurma5_discriminator_channels.py).
 * TF raised (quoted from the report):
 *   ValueError: Trying to share variable discriminator/conv1/kernel, but
 *   specified shape (5, 5, 3, 64) and found shape (5, 5, 4, 64).
 *   in discriminator(x, reuse), at conv1 = tf.layers.conv2d(...), from
 *   d_model_fake, d_logits_fake = discriminator(g_model, reuse=True)
 * Why: the reporter's images are RGBA PNGs: input_images.shape is
 *   (N, 128, 128, 4).  The first discriminator call builds
 *   discriminator/conv1/kernel for 4 channels; the second, under
 *   reuse=True, is given the generator's output, which has 3 channels
 *   (its last layer has filters=3; output_channel_dim is not used), and
 *   conv1's kernel shape (5, 5, 3, 64) does not match.  A functional
 *   tf.layers.conv2d with a name enters that name as its variable scope,
 *   so the second call's layer looks up the first one's kernel.
 * Library calls: vs_dense, vs_conv2d (.name, .strides, .padding,
 *   .kernel_initializer), vs_batch_normalization (.name, .training,
 *   .epsilon), vs_tanh, vs_sigmoid, vs_get_collection,
 *   vs_adam_optimizer, vs_minimize.  tf.layers.conv2d_transpose (not in
 *   the library) is written below with get_variable as TF's layer makes
 *   its variables; reshape, leaky_relu, random_normal and the cross
 *   entropies are tfops.h stand-ins.
 * Translation: the notebook's hyper-parameters (cell 12); N, the number of
 *   images, is 1000 (only data_shape[1:] is used).  The session, the
 *   batches and the UPDATE_OPS control dependencies (no variables) are
 *   left out.
 */
#include <string.h>

#include "tfops.h"

#define MAXV 64

enum { IMAGE_SIZE = 128, NOISE_SIZE = 100 };
static const double LR_D = 0.00004, LR_G = 0.0004, BETA1 = 0.5;
static const double WEIGHT_INIT_STDDEV = 0.02, EPSILON = 0.00005;

typedef struct var_list {
    size_t n;
    vs_var *v[MAXV];
} var_list;

static vs_tensor *leaky_relu(vs_graph *g, vs_tensor *x)
{
    return tfg_like(g, "LeakyRelu", x);
}

/* tf.layers.conv2d_transpose(inputs, filters, kernel_size, strides,
 * padding="SAME", kernel_initializer, name): the library has no
 * Conv2DTranspose, so its variables are made as TF 1.15's layer makes them
 * (layers/convolutional.py: the functional form enters `name` as its
 * variable scope; build: kernel (kh, kw, filters, input channels), bias
 * (filters,), dtype the input's), with the output shape of 'SAME' padding
 * (in * stride) and the op as a tfops.h stand-in. */
static vs_tensor *conv2d_transpose(vs_graph *g, vs_tensor *inputs, int filters, int k, int stride, const char *name)
{
    if (!inputs)
        return NULL;
    const vs_shape *in = vs_tensor_shape(inputs);
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *kernel = vs_get_variable(g, "kernel", .shape = VS_SHAPE(k, k, filters, in->dims[3]), .dtype = vs_tensor_dtype(inputs), .initializer = vs_init_truncated_normal(0, WEIGHT_INIT_STDDEV));
        vs_var *bias = vs_get_variable(g, "bias", .shape = VS_SHAPE(filters), .dtype = vs_tensor_dtype(inputs), .initializer = vs_init_zeros());
        if (kernel && bias) {
            vs_tensor *ins[2] = {inputs, vs_value(kernel)};
            out = tf_op(g, "conv2d_transpose", ins, 2, VS_FLOAT32, VS_SHAPE(in->dims[0], in->dims[1] * stride, in->dims[2] * stride, filters));
            out = vs_bias_add(g, out, vs_value(bias));
        }
    }
    return out;
}

static vs_tensor *generator(vs_graph *g, vs_tensor *z, int64_t output_channel_dim, bool training)
{
    (void)output_channel_dim;
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, "generator", .reuse = !training ? VS_REUSE : VS_REUSE_INHERIT) {
        /* 8x8x1024 */
        vs_tensor *fully_connected = vs_dense(g, z, 8 * 8 * 1024);
        fully_connected = tfg_reshape(g, fully_connected, VS_SHAPE(-1, 8, 8, 1024));
        fully_connected = leaky_relu(g, fully_connected);

        /* 8x8x1024 -> 16x16x512 */
        vs_tensor *trans_conv1 = conv2d_transpose(g, fully_connected, 512, 5, 2, "trans_conv1");
        vs_tensor *batch_trans_conv1 = vs_batch_normalization(g, trans_conv1, .training = training, .epsilon = EPSILON, .name = "batch_trans_conv1");
        vs_tensor *trans_conv1_out = leaky_relu(g, batch_trans_conv1);

        /* 16x16x512 -> 32x32x256 */
        vs_tensor *trans_conv2 = conv2d_transpose(g, trans_conv1_out, 256, 5, 2, "trans_conv2");
        vs_tensor *batch_trans_conv2 = vs_batch_normalization(g, trans_conv2, .training = training, .epsilon = EPSILON, .name = "batch_trans_conv2");
        vs_tensor *trans_conv2_out = leaky_relu(g, batch_trans_conv2);

        /* 32x32x256 -> 64x64x128 */
        vs_tensor *trans_conv3 = conv2d_transpose(g, trans_conv2_out, 128, 5, 2, "trans_conv3");
        vs_tensor *batch_trans_conv3 = vs_batch_normalization(g, trans_conv3, .training = training, .epsilon = EPSILON, .name = "batch_trans_conv3");
        vs_tensor *trans_conv3_out = leaky_relu(g, batch_trans_conv3);

        /* 64x64x128 -> 128x128x64 */
        vs_tensor *trans_conv4 = conv2d_transpose(g, trans_conv3_out, 64, 5, 2, "trans_conv4");
        vs_tensor *batch_trans_conv4 = vs_batch_normalization(g, trans_conv4, .training = training, .epsilon = EPSILON, .name = "batch_trans_conv4");
        vs_tensor *trans_conv4_out = leaky_relu(g, batch_trans_conv4);

        /* 128x128x64 -> 128x128x3 */
        vs_tensor *logits = conv2d_transpose(g, trans_conv4_out, 3, 5, 1, "logits");
        out = vs_tanh(g, logits, .name = "out");
    }
    return out;
}

static vs_tensor *discriminator(vs_graph *g, vs_tensor *x, bool reuse, vs_tensor **logits_out)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, "discriminator", .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        /* 128*128*3 -> 64x64x64 */
        vs_tensor *conv1 = vs_conv2d(g, x, 64, 5, 5, .strides = {2, 2}, .padding = VS_SAME, .kernel_initializer = vs_init_truncated_normal(0, WEIGHT_INIT_STDDEV), .name = "conv1"); // expect: shape-mismatch
        vs_tensor *batch_norm1 = vs_batch_normalization(g, conv1, .training = true, .epsilon = EPSILON, .name = "batch_norm1");
        vs_tensor *conv1_out = leaky_relu(g, batch_norm1);

        /* 64x64x64-> 32x32x128 */
        vs_tensor *conv2 = vs_conv2d(g, conv1_out, 128, 5, 5, .strides = {2, 2}, .padding = VS_SAME, .kernel_initializer = vs_init_truncated_normal(0, WEIGHT_INIT_STDDEV), .name = "conv2");
        vs_tensor *batch_norm2 = vs_batch_normalization(g, conv2, .training = true, .epsilon = EPSILON, .name = "batch_norm2");
        vs_tensor *conv2_out = leaky_relu(g, batch_norm2);

        /* 32x32x128 -> 16x16x256 */
        vs_tensor *conv3 = vs_conv2d(g, conv2_out, 256, 5, 5, .strides = {2, 2}, .padding = VS_SAME, .kernel_initializer = vs_init_truncated_normal(0, WEIGHT_INIT_STDDEV), .name = "conv3");
        vs_tensor *batch_norm3 = vs_batch_normalization(g, conv3, .training = true, .epsilon = EPSILON, .name = "batch_norm3");
        vs_tensor *conv3_out = leaky_relu(g, batch_norm3);

        /* 16x16x256 -> 16x16x512 */
        vs_tensor *conv4 = vs_conv2d(g, conv3_out, 512, 5, 5, .strides = {1, 1}, .padding = VS_SAME, .kernel_initializer = vs_init_truncated_normal(0, WEIGHT_INIT_STDDEV), .name = "conv4");
        vs_tensor *batch_norm4 = vs_batch_normalization(g, conv4, .training = true, .epsilon = EPSILON, .name = "batch_norm4");
        vs_tensor *conv4_out = leaky_relu(g, batch_norm4);

        /* 16x16x512 -> 8x8x1024 */
        vs_tensor *conv5 = vs_conv2d(g, conv4_out, 1024, 5, 5, .strides = {2, 2}, .padding = VS_SAME, .kernel_initializer = vs_init_truncated_normal(0, WEIGHT_INIT_STDDEV), .name = "conv5");
        vs_tensor *batch_norm5 = vs_batch_normalization(g, conv5, .training = true, .epsilon = EPSILON, .name = "batch_norm5");
        vs_tensor *conv5_out = leaky_relu(g, batch_norm5);

        vs_tensor *flatten = tfg_reshape(g, conv5_out, VS_SHAPE(-1, 8 * 8 * 1024));
        vs_tensor *logits = vs_dense(g, flatten, 1);
        out = vs_sigmoid(g, logits);
        *logits_out = logits;
    }
    return out;
}

typedef struct losses {
    vs_tensor *d_loss, *g_loss;
} losses;

static losses model_loss(vs_graph *g, vs_tensor *input_real, vs_tensor *input_z, int64_t output_channel_dim)
{
    vs_tensor *g_model = generator(g, input_z, output_channel_dim, true);

    vs_tensor *noisy_input_real = vs_add(g, input_real, tf_shaped(g, "random_normal", VS_FLOAT32, vs_tensor_shape(input_real)));

    vs_tensor *d_logits_real = NULL, *d_logits_fake = NULL;
    vs_tensor *d_model_real = discriminator(g, noisy_input_real, false, &d_logits_real);
    vs_tensor *d_model_fake = discriminator(g, g_model, true, &d_logits_fake);
    (void)d_model_real, (void)d_model_fake;

    vs_tensor *d_loss_real = vs_reduce_mean(g, tfg_loss(g, "logistic_loss", d_logits_real, NULL));
    vs_tensor *d_loss_fake = vs_reduce_mean(g, tfg_loss(g, "logistic_loss", d_logits_fake, NULL));
    vs_tensor *d_loss = vs_reduce_mean(g, vs_multiply(g, vs_scalar_f32(g, 0.5f), vs_add(g, d_loss_real, d_loss_fake)));
    vs_tensor *g_loss = vs_reduce_mean(g, tfg_loss(g, "logistic_loss", d_logits_fake, NULL));
    return (losses){d_loss, g_loss};
}

/* [var for var in t_vars if var.name.startswith(prefix)] */
static vs_var_list starting_with(const vs_var_list *t_vars, const char *prefix, var_list *out)
{
    out->n = 0;
    for (size_t i = 0; t_vars && i < t_vars->len && out->n < MAXV; i++)
        if (strncmp(vs_var_name(t_vars->vars[i]), prefix, strlen(prefix)) == 0)
            out->v[out->n++] = t_vars->vars[i];
    return (vs_var_list){out->n, out->v};
}

static void model_optimizers(vs_graph *g, losses l)
{
    const vs_var_list *t_vars = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    var_list gv, dv;
    vs_var_list g_vars = starting_with(t_vars, "generator", &gv);
    vs_var_list d_vars = starting_with(t_vars, "discriminator", &dv);
    /* tf.control_dependencies(gen_updates): no variables */
    vs_op *d_train_opt = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = LR_D, .beta1 = BETA1), l.d_loss, .var_list = &d_vars);
    vs_op *g_train_opt = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = LR_G, .beta1 = BETA1), l.g_loss, .var_list = &g_vars);
    (void)d_train_opt, (void)g_train_opt;
}

static void train(vs_graph *g, const vs_shape *data_shape)
{
    /* model_inputs(data_shape[1:], NOISE_SIZE) */
    vs_tensor *input_images = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, data_shape->dims[1], data_shape->dims[2], data_shape->dims[3]), .name = "inputs_real");
    vs_tensor *input_z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, NOISE_SIZE), .name = "input_z");
    vs_tensor *lr_G = vs_placeholder(g, VS_FLOAT32, NULL, .name = "lr_g");
    vs_tensor *lr_D = vs_placeholder(g, VS_FLOAT32, NULL, .name = "lr_d");
    (void)lr_G, (void)lr_D;
    losses l = model_loss(g, input_images, input_z, data_shape->dims[3]);
    model_optimizers(g, l);
}

int main(void)
{
    /* the reporter's images: RGBA PNGs */
    const vs_shape input_images_shape = {4, {1000, IMAGE_SIZE, IMAGE_SIZE, 4}};
    vs_graph *g = vs_graph_new(); /* with tf.Graph().as_default(): */
    train(g, &input_images_shape);
    vs_graph_free(g);
    return 0;
}
