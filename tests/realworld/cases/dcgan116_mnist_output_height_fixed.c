/* realworld: dcgan116_mnist_output_height (fixed)
 *
 * Source: https://github.com/carpedm20/DCGAN-tensorflow/issues/116
 * Fix (the README's MNIST command, `python main.py --dataset mnist
 *   --input_height=28 --output_height=28 --train`): the generated images
 *   are 28 x 28 like the real ones, so both discriminators see 3636
 *   features and d_h2_lin/Matrix is shared.
 */
#include <stdbool.h>

#include "tfcontrib.h"
#include "tfops.h"

typedef struct config {
    int batch_size, input_height, input_width, output_height, output_width;
    bool is_crop;
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
    return tfc_batch_norm(g, x, .decay = bn->momentum, .no_updates_collections = true, .epsilon = bn->epsilon, .scale = true, .not_training = !train, .scope = bn->name);
}

static vs_tensor *lrelu(vs_graph *g, vs_tensor *x)
{
    return tfg_like(g, "Maximum", x);
}

static vs_tensor *concat2(vs_graph *g, vs_tensor *a, vs_tensor *b, int axis)
{
    vs_tensor *xs[2] = {a, b};
    return tfg_concat(g, xs, 2, axis);
}

/* ops.conv_cond_concat: x and y * ones([x0, x1, x2, y3]) along axis 3 */
static vs_tensor *conv_cond_concat(vs_graph *g, vs_tensor *x, vs_tensor *y)
{
    if (!x || !y)
        return NULL;
    const vs_shape *xs = vs_tensor_shape(x), *ys = vs_tensor_shape(y);
    vs_tensor *in[1] = {y};
    vs_tensor *tiled = tf_op(g, "mul", in, 1, VS_FLOAT32, VS_SHAPE(xs->dims[0], xs->dims[1], xs->dims[2], ys->dims[3]));
    return concat2(g, x, tiled, 3);
}

static vs_tensor *conv2d(vs_graph *g, vs_tensor *input_, int output_dim, const char *name)
{
    vs_tensor *conv = NULL;
    if (!input_)
        return NULL;
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
    if (!input_)
        return NULL;
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
    if (!input_)
        return NULL;
    const vs_shape *shape = vs_tensor_shape(input_);
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope ? scope : "Linear") {
        vs_var *matrix = vs_get_variable(g, "Matrix", .shape = VS_SHAPE(shape->dims[1], output_size), .dtype = VS_FLOAT32, .initializer = vs_init_random_normal(0, 0.02));
        vs_var *bias = vs_get_variable(g, "bias", .shape = VS_SHAPE(output_size), .initializer = vs_init_constant(0));
        out = vs_add(g, vs_matmul(g, input_, vs_value(matrix)), vs_value(bias));
    }
    return out;
}

typedef struct DCGAN {
    config cfg;
    int y_dim, c_dim, z_dim, gf_dim, df_dim, gfc_dim, dfc_dim;
    batch_norm d_bn1, d_bn2, g_bn0, g_bn1, g_bn2;
    vs_tensor *y, *inputs, *z, *G, *D_logits, *sampler, *D_logits_;
} DCGAN;

static vs_tensor *discriminator(vs_graph *g, DCGAN *self, vs_tensor *image, vs_tensor *y, bool reuse)
{
    vs_tensor *h3 = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "discriminator") {
        if (reuse)
            vs_reuse_variables(scope);
        vs_tensor *yb = tfg_reshape(g, y, VS_SHAPE(self->cfg.batch_size, 1, 1, self->y_dim));
        vs_tensor *x = conv_cond_concat(g, image, yb);
        vs_tensor *h0 = lrelu(g, conv2d(g, x, self->c_dim + self->y_dim, "d_h0_conv"));
        h0 = conv_cond_concat(g, h0, yb);
        vs_tensor *h1 = lrelu(g, batch_norm_call(g, &self->d_bn1, conv2d(g, h0, self->df_dim + self->y_dim, "d_h1_conv"), true));
        if (h1) {
            const vs_shape *s = vs_tensor_shape(h1);
            h1 = tfg_reshape(g, h1, VS_SHAPE(self->cfg.batch_size, s->dims[1] * s->dims[2] * s->dims[3]));
        }
        h1 = concat2(g, h1, y, 1);
        vs_tensor *h2 = lrelu(g, batch_norm_call(g, &self->d_bn2, linear(g, h1, self->dfc_dim, "d_h2_lin"), true));
        h2 = concat2(g, h2, y, 1);
        h3 = linear(g, h2, 1, "d_h3_lin");
    }
    return h3;
}

static vs_tensor *generator_layers(vs_graph *g, DCGAN *self, vs_tensor *z, vs_tensor *y, bool train)
{
    int s_h = self->cfg.output_height, s_w = self->cfg.output_width;
    int s_h2 = s_h / 2, s_h4 = s_h / 4, s_w2 = s_w / 2, s_w4 = s_w / 4;
    int bs = self->cfg.batch_size;
    vs_tensor *yb = tfg_reshape(g, y, VS_SHAPE(bs, 1, 1, self->y_dim));
    z = concat2(g, z, y, 1);
    vs_tensor *h0 = vs_relu(g, batch_norm_call(g, &self->g_bn0, linear(g, z, self->gfc_dim, "g_h0_lin"), train));
    h0 = concat2(g, h0, y, 1);
    vs_tensor *h1 = vs_relu(g, batch_norm_call(g, &self->g_bn1, linear(g, h0, self->gf_dim * 2 * s_h4 * s_w4, "g_h1_lin"), train));
    h1 = tfg_reshape(g, h1, VS_SHAPE(bs, s_h4, s_w4, self->gf_dim * 2));
    h1 = conv_cond_concat(g, h1, yb);
    vs_tensor *h2 = vs_relu(g, batch_norm_call(g, &self->g_bn2, deconv2d(g, h1, VS_SHAPE(bs, s_h2, s_w2, self->gf_dim * 2), "g_h2"), train));
    h2 = conv_cond_concat(g, h2, yb);
    return vs_sigmoid(g, deconv2d(g, h2, VS_SHAPE(bs, s_h, s_w, self->c_dim), "g_h3"));
}

static vs_tensor *generator(vs_graph *g, DCGAN *self, vs_tensor *z, vs_tensor *y)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, "generator") {
        out = generator_layers(g, self, z, y, true);
    }
    return out;
}

static vs_tensor *sampler(vs_graph *g, DCGAN *self, vs_tensor *z, vs_tensor *y)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "generator") {
        vs_reuse_variables(scope);
        out = generator_layers(g, self, z, y, false);
    }
    return out;
}

static void build_model(vs_graph *g, DCGAN *self)
{
    const config *c = &self->cfg;
    self->y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(c->batch_size, self->y_dim), .name = "y");
    vs_shape dims = c->is_crop ? (vs_shape){4, {c->batch_size, c->output_height, c->output_width, self->c_dim}}
                               : (vs_shape){4, {c->batch_size, c->input_height, c->input_height, self->c_dim}};
    self->inputs = vs_placeholder(g, VS_FLOAT32, &dims, .name = "real_images");
    self->z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->z_dim), .name = "z");
    self->G = generator(g, self, self->z, self->y);
    self->D_logits = discriminator(g, self, self->inputs, self->y, false);
    self->sampler = sampler(g, self, self->z, self->y);
    self->D_logits_ = discriminator(g, self, self->G, self->y, true);
}

int main(void)
{
    /* python main.py --dataset mnist --input_height=28 --output_height=28 --is_train */
    config cfg = {.batch_size = 64, .input_height = 28, .output_height = 28, .is_crop = false};
    cfg.input_width = cfg.input_height;     /* input_width None */
    cfg.output_width = cfg.output_height;   /* output_width None */

    vs_graph *g = vs_graph_new();
    DCGAN dcgan = {.cfg = cfg, .y_dim = 10, .c_dim = 1, .z_dim = 100, .gf_dim = 64, .df_dim = 64, .gfc_dim = 1024, .dfc_dim = 1024};
    dcgan.d_bn1 = batch_norm_new(g, "d_bn1");
    dcgan.d_bn2 = batch_norm_new(g, "d_bn2");
    dcgan.g_bn0 = batch_norm_new(g, "g_bn0");
    dcgan.g_bn1 = batch_norm_new(g, "g_bn1");
    dcgan.g_bn2 = batch_norm_new(g, "g_bn2");
    build_model(g, &dcgan);
    vs_graph_free(g);
    return 0;
}
