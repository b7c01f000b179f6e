/* realworld: dcgan178_crop_mismatch (fixed)
 *
 * Source: https://github.com/carpedm20/DCGAN-tensorflow/issues/178 (see
 *   the failing program's header).
 * Fix (the thread: the command line): run with --crop, so that the real
 *   images are cropped to output_height = 64 like the generated ones; both
 *   calls of the discriminator then give d_h3_lin/Matrix the shape
 *   (8192, 1).
 */
#include <stdbool.h>

#include "tfcontrib.h"
#include "tfops.h"

typedef struct config {
    int batch_size, input_height, input_width, output_height, output_width;
    bool crop;
} config;

typedef struct batch_norm {
    double epsilon, momentum;
    const char *name;
} batch_norm;

static batch_norm batch_norm_new(vs_graph *g, const char *name)
{
    VS_VARIABLE_SCOPE(g, name) {
    }
    return (batch_norm){1e-5, 0.9, name};
}

static vs_tensor *batch_norm_call(vs_graph *g, const batch_norm *bn, vs_tensor *x, bool train)
{
    return tfc_batch_norm(g, x, .decay = bn->momentum, .epsilon = bn->epsilon, .scale = true, .not_training = !train, .scope = bn->name, .no_updates_collections = true);
}

static vs_tensor *lrelu(vs_graph *g, vs_tensor *x)
{
    return tfg_like(g, "Maximum", x);
}

static vs_tensor *conv2d(vs_graph *g, vs_tensor *input_, int output_dim, const char *name)
{
    vs_tensor *conv = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5, vs_tensor_shape(input_)->dims[3], output_dim), .initializer = vs_init_truncated_normal(0, 0.02));
        conv = tfg_conv2d(g, input_, w, 2, 1);
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(output_dim), .initializer = vs_init_constant(0));
        conv = vs_bias_add(g, conv, vs_value(biases));
    }
    return conv;
}

static vs_tensor *deconv2d(vs_graph *g, vs_tensor *input_, const vs_shape *output_shape, const char *name)
{
    vs_tensor *deconv = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5, output_shape->dims[3], vs_tensor_shape(input_)->dims[3]), .initializer = vs_init_random_normal(0, 0.02));
        vs_tensor *ins[2] = {input_, vs_value(w)};
        deconv = tf_op(g, "conv2d_transpose", ins, 2, VS_FLOAT32, output_shape);
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(output_shape->dims[3]), .initializer = vs_init_constant(0));
        deconv = vs_bias_add(g, deconv, vs_value(biases));
    }
    return deconv;
}

static vs_tensor *linear(vs_graph *g, vs_tensor *input_, int output_size, const char *scope)
{
    const vs_shape *shape = vs_tensor_shape(input_);
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope ? scope : "Linear") {
        vs_var *matrix = vs_get_variable(g, "Matrix", .shape = VS_SHAPE(shape->dims[1], output_size), .initializer = vs_init_random_normal(0, 0.02));
        vs_var *bias = vs_get_variable(g, "bias", .shape = VS_SHAPE(output_size), .initializer = vs_init_constant(0));
        out = vs_bias_add(g, vs_matmul(g, input_, vs_value(matrix)), vs_value(bias));
    }
    return out;
}

typedef struct DCGAN {
    config cfg;
    int c_dim, z_dim, gf_dim, df_dim;
    batch_norm d_bn1, d_bn2, d_bn3, g_bn0, g_bn1, g_bn2, g_bn3;
    vs_tensor *inputs, *z, *G, *D_logits, *sampler, *D_logits_;
} DCGAN;

static int conv_out_size_same(int size, int stride)
{
    return (size + stride - 1) / stride;
}

static vs_tensor *discriminator(vs_graph *g, DCGAN *self, vs_tensor *image, bool reuse)
{
    vs_tensor *h4 = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "discriminator") {
        if (reuse)
            vs_reuse_variables(scope);
        vs_tensor *h0 = lrelu(g, conv2d(g, image, self->df_dim, "d_h0_conv"));
        vs_tensor *h1 = lrelu(g, batch_norm_call(g, &self->d_bn1, conv2d(g, h0, self->df_dim * 2, "d_h1_conv"), true));
        vs_tensor *h2 = lrelu(g, batch_norm_call(g, &self->d_bn2, conv2d(g, h1, self->df_dim * 4, "d_h2_conv"), true));
        vs_tensor *h3 = lrelu(g, batch_norm_call(g, &self->d_bn3, conv2d(g, h2, self->df_dim * 8, "d_h3_conv"), true));
        const vs_shape *s3 = vs_tensor_shape(h3);
        h4 = linear(g, tfg_reshape(g, h3, VS_SHAPE(self->cfg.batch_size, s3->dims[1] * s3->dims[2] * s3->dims[3])), 1, "d_h3_lin");
    }
    return h4;
}

static vs_tensor *generator_layers(vs_graph *g, DCGAN *self, vs_tensor *z, bool train)
{
    int s_h = self->cfg.output_height, s_w = self->cfg.output_width;
    int s_h2 = conv_out_size_same(s_h, 2), s_w2 = conv_out_size_same(s_w, 2);
    int s_h4 = conv_out_size_same(s_h2, 2), s_w4 = conv_out_size_same(s_w2, 2);
    int s_h8 = conv_out_size_same(s_h4, 2), s_w8 = conv_out_size_same(s_w4, 2);
    int s_h16 = conv_out_size_same(s_h8, 2), s_w16 = conv_out_size_same(s_w8, 2);
    int bs = self->cfg.batch_size, gf = self->gf_dim;

    vs_tensor *z_ = linear(g, z, gf * 8 * s_h16 * s_w16, "g_h0_lin");
    vs_tensor *h0 = tfg_reshape(g, z_, VS_SHAPE(-1, s_h16, s_w16, gf * 8));
    h0 = vs_relu(g, batch_norm_call(g, &self->g_bn0, h0, train));
    vs_tensor *h1 = deconv2d(g, h0, VS_SHAPE(bs, s_h8, s_w8, gf * 4), "g_h1");
    h1 = vs_relu(g, batch_norm_call(g, &self->g_bn1, h1, train));
    vs_tensor *h2 = deconv2d(g, h1, VS_SHAPE(bs, s_h4, s_w4, gf * 2), "g_h2");
    h2 = vs_relu(g, batch_norm_call(g, &self->g_bn2, h2, train));
    vs_tensor *h3 = deconv2d(g, h2, VS_SHAPE(bs, s_h2, s_w2, gf * 1), "g_h3");
    h3 = vs_relu(g, batch_norm_call(g, &self->g_bn3, h3, train));
    vs_tensor *h4 = deconv2d(g, h3, VS_SHAPE(bs, s_h, s_w, self->c_dim), "g_h4");
    return vs_tanh(g, h4);
}

static vs_tensor *generator(vs_graph *g, DCGAN *self, vs_tensor *z)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, "generator") {
        out = generator_layers(g, self, z, true);
    }
    return out;
}

static vs_tensor *sampler(vs_graph *g, DCGAN *self, vs_tensor *z)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "generator") {
        vs_reuse_variables(scope);
        out = generator_layers(g, self, z, false);
    }
    return out;
}

static void build_model(vs_graph *g, DCGAN *self)
{
    const config *c = &self->cfg;
    vs_shape dims = c->crop ? (vs_shape){4, {c->batch_size, c->output_height, c->output_width, self->c_dim}}
                            : (vs_shape){4, {c->batch_size, c->input_height, c->input_width, self->c_dim}};
    self->inputs = vs_placeholder(g, VS_FLOAT32, &dims, .name = "real_images");
    self->z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->z_dim), .name = "z");
    self->G = generator(g, self, self->z);
    self->D_logits = discriminator(g, self, self->inputs, false);
    self->sampler = sampler(g, self, self->z);
    self->D_logits_ = discriminator(g, self, self->G, true);
}

int main(void)
{
    /* python main.py --dataset ... --train --crop */
    config cfg = {.batch_size = 64, .input_height = 108, .output_height = 64, .crop = true};
    cfg.input_width = cfg.input_height;     /* input_width None */
    cfg.output_width = cfg.output_height;   /* output_width None */

    vs_graph *g = vs_graph_new();
    DCGAN dcgan = {.cfg = cfg, .c_dim = 3, .z_dim = 100, .gf_dim = 64, .df_dim = 64};
    dcgan.d_bn1 = batch_norm_new(g, "d_bn1");
    dcgan.d_bn2 = batch_norm_new(g, "d_bn2");
    dcgan.d_bn3 = batch_norm_new(g, "d_bn3");
    dcgan.g_bn0 = batch_norm_new(g, "g_bn0");
    dcgan.g_bn1 = batch_norm_new(g, "g_bn1");
    dcgan.g_bn2 = batch_norm_new(g, "g_bn2");
    dcgan.g_bn3 = batch_norm_new(g, "g_bn3");
    build_model(g, &dcgan);
    vs_graph_free(g);
    return 0;
}
