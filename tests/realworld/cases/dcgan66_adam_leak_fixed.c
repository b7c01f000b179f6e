/* realworld: dcgan66_adam_leak (fixed)
 *
 * Source: https://github.com/carpedm20/DCGAN-tensorflow/issues/66 (see the
 *   failing program's header).
 * Fix (commit 6c2a0ca, "fix legacy and training erros fix #66, #62"):
 *   discriminator runs inside tf.variable_scope("discriminator") and turns
 *   on reuse with scope.reuse_variables() there; generator and sampler run
 *   inside tf.variable_scope("generator"), the sampler reusing.  Reuse ends
 *   with each scope, so the optimizers create discriminator/d_h0_conv/w/Adam
 *   and the other slots at the root.  (The commit also drops is_training
 *   from the batch_norm class; that changes no variable and is not
 *   followed here.)
 */
#include <stdbool.h>
#include <string.h>

#include "tfcontrib.h"
#include "tfops.h"

#define MAXV 64

typedef struct var_list {
    size_t n;
    vs_var *v[MAXV];
} var_list;

/* ops.py */
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

/* concatenate the conditioning vector on the feature map axis */
static vs_tensor *conv_cond_concat(vs_graph *g, vs_tensor *x, vs_tensor *y)
{
    if (!x || !y)
        return NULL;
    const vs_shape *xs = vs_tensor_shape(x), *ys = vs_tensor_shape(y);
    vs_tensor *tiled = tfg_like(g, "mul", y); /* y * tf.ones([...]) */
    vs_tensor *parts[2] = {x, tf_op(g, "mul", &tiled, 1, VS_FLOAT32, VS_SHAPE(xs->dims[0], xs->dims[1], xs->dims[2], ys->dims[3]))};
    return tfg_concat(g, parts, 2, 3);
}

static vs_tensor *concat1(vs_graph *g, vs_tensor *a, vs_tensor *b)
{
    vs_tensor *parts[2] = {a, b};
    return tfg_concat(g, parts, 2, 1);
}

static vs_tensor *conv2d(vs_graph *g, vs_tensor *input_, int output_dim, const char *name)
{
    vs_tensor *conv = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5, vs_tensor_shape(input_)->dims[3], output_dim), .initializer = vs_init_truncated_normal(0, 0.02));
        conv = tfg_conv2d(g, input_, w, 2, 1);
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(output_dim), .initializer = vs_init_constant(0.0));
        conv = tfg_reshape(g, vs_bias_add(g, conv, vs_value(biases)), vs_tensor_shape(conv));
    }
    return conv;
}

static vs_tensor *deconv2d(vs_graph *g, vs_tensor *input_, const vs_shape *output_shape, const char *name)
{
    vs_tensor *deconv = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        /* filter : [height, width, output_channels, in_channels] */
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5, output_shape->dims[3], vs_tensor_shape(input_)->dims[3]), .initializer = vs_init_random_normal(0, 0.02));
        vs_tensor *ins[2] = {input_, vs_value(w)};
        deconv = tf_op(g, "conv2d_transpose", ins, 2, VS_FLOAT32, output_shape);
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(output_shape->dims[3]), .initializer = vs_init_constant(0.0));
        deconv = tfg_reshape(g, vs_bias_add(g, deconv, vs_value(biases)), vs_tensor_shape(deconv));
    }
    return deconv;
}

static vs_tensor *linear(vs_graph *g, vs_tensor *input_, int output_size, const char *scope)
{
    const vs_shape *shape = vs_tensor_shape(input_);
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope ? scope : "Linear") {
        vs_var *matrix = vs_get_variable(g, "Matrix", .shape = VS_SHAPE(shape->dims[1], output_size), .dtype = VS_FLOAT32, .initializer = vs_init_random_normal(0, 0.02));
        vs_var *bias = vs_get_variable(g, "bias", .shape = VS_SHAPE(output_size), .initializer = vs_init_constant(0.0));
        out = vs_add(g, vs_matmul(g, input_, vs_value(matrix)), vs_value(bias));
    }
    return out;
}

/* model.py */
typedef struct DCGAN {
    int batch_size, sample_size, output_size, y_dim, z_dim, gf_dim, df_dim, gfc_dim, dfc_dim, c_dim;
    batch_norm d_bn1, d_bn2, g_bn0, g_bn1, g_bn2;
    vs_tensor *y, *images, *sample_images, *z, *G, *D, *D_logits, *sampler, *D_, *D_logits_;
    vs_tensor *d_loss_real, *d_loss_fake, *g_loss, *d_loss;
    var_list d_vars, g_vars;
} DCGAN;

/* [var for var in t_vars if key in var.name] */
static void filter(const vs_var_list *t_vars, const char *key, var_list *out)
{
    out->n = 0;
    for (size_t i = 0; t_vars && i < t_vars->len && out->n < MAXV; i++)
        if (strstr(vs_var_name(t_vars->vars[i]), key))
            out->v[out->n++] = t_vars->vars[i];
}

static vs_tensor *discriminator(vs_graph *g, DCGAN *self, vs_tensor *image, vs_tensor *y, bool reuse, vs_tensor **logits)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "discriminator") {
        if (reuse)
            vs_reuse_variables(scope);

        vs_tensor *yb = tfg_reshape(g, y, VS_SHAPE(self->batch_size, 1, 1, self->y_dim));
        vs_tensor *x = conv_cond_concat(g, image, yb);

        vs_tensor *h0 = lrelu(g, conv2d(g, x, self->c_dim + self->y_dim, "d_h0_conv"));
        h0 = conv_cond_concat(g, h0, yb);

        vs_tensor *h1 = lrelu(g, batch_norm_call(g, &self->d_bn1, conv2d(g, h0, self->df_dim + self->y_dim, "d_h1_conv"), true));
        const vs_shape *s1 = vs_tensor_shape(h1);
        h1 = tfg_reshape(g, h1, VS_SHAPE(self->batch_size, s1->dims[1] * s1->dims[2] * s1->dims[3]));
        h1 = concat1(g, h1, y);

        vs_tensor *h2 = lrelu(g, batch_norm_call(g, &self->d_bn2, linear(g, h1, self->dfc_dim, "d_h2_lin"), true));
        h2 = concat1(g, h2, y);

        vs_tensor *h3 = linear(g, h2, 1, "d_h3_lin");
        *logits = h3;
        out = vs_sigmoid(g, h3);
    }
    return out;
}

static vs_tensor *generator_layers(vs_graph *g, DCGAN *self, vs_tensor *z, vs_tensor *y, bool train)
{
    int s = self->output_size, s2 = s / 2, s4 = s / 4;

    vs_tensor *yb = tfg_reshape(g, y, VS_SHAPE(self->batch_size, 1, 1, self->y_dim));
    z = concat1(g, z, y);

    vs_tensor *h0 = vs_relu(g, batch_norm_call(g, &self->g_bn0, linear(g, z, self->gfc_dim, "g_h0_lin"), true));
    h0 = concat1(g, h0, y);

    vs_tensor *h1 = vs_relu(g, batch_norm_call(g, &self->g_bn1, linear(g, h0, self->gf_dim * 2 * s4 * s4, "g_h1_lin"), train));
    h1 = tfg_reshape(g, h1, VS_SHAPE(self->batch_size, s4, s4, self->gf_dim * 2));
    h1 = conv_cond_concat(g, h1, yb);

    vs_tensor *h2 = vs_relu(g, batch_norm_call(g, &self->g_bn2, deconv2d(g, h1, VS_SHAPE(self->batch_size, s2, s2, self->gf_dim * 2), "g_h2"), train));
    h2 = conv_cond_concat(g, h2, yb);

    return vs_sigmoid(g, deconv2d(g, h2, VS_SHAPE(self->batch_size, s, s, self->c_dim), "g_h3"));
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
    self->y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->batch_size, self->y_dim), .name = "y");
    self->images = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->batch_size, self->output_size, self->output_size, self->c_dim), .name = "real_images");
    self->sample_images = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->sample_size, self->output_size, self->output_size, self->c_dim), .name = "sample_images");
    self->z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->z_dim), .name = "z");

    self->G = generator(g, self, self->z, self->y);
    self->D = discriminator(g, self, self->images, self->y, false, &self->D_logits);

    self->sampler = sampler(g, self, self->z, self->y);
    self->D_ = discriminator(g, self, self->G, self->y, true, &self->D_logits_);

    self->d_loss_real = tfg_loss(g, "logistic_loss", self->D_logits, NULL);
    self->d_loss_fake = tfg_loss(g, "logistic_loss", self->D_logits_, NULL);
    self->g_loss = tfg_loss(g, "logistic_loss", self->D_logits_, NULL);
    self->d_loss = vs_add(g, self->d_loss_real, self->d_loss_fake);

    const vs_var_list *t_vars = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    filter(t_vars, "d_", &self->d_vars);
    filter(t_vars, "g_", &self->g_vars);
}

static void DCGAN_init(vs_graph *g, DCGAN *self)
{
    /* batch normalization : deals with poor initialization helps gradient flow */
    self->d_bn1 = batch_norm_new(g, "d_bn1");
    self->d_bn2 = batch_norm_new(g, "d_bn2");
    self->g_bn0 = batch_norm_new(g, "g_bn0");
    self->g_bn1 = batch_norm_new(g, "g_bn1");
    self->g_bn2 = batch_norm_new(g, "g_bn2");
    build_model(g, self);
}

static void train(vs_graph *g, DCGAN *self, double learning_rate, double beta1)
{
    vs_var_list d_vars = {self->d_vars.n, self->d_vars.v};
    vs_var_list g_vars = {self->g_vars.n, self->g_vars.v};
    vs_op *d_optim = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = learning_rate, .beta1 = beta1), self->d_loss, .var_list = &d_vars);
    vs_op *g_optim = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = learning_rate, .beta1 = beta1), self->g_loss, .var_list = &g_vars);
    (void)d_optim, (void)g_optim;
}

int main(void)
{
    /* python main.py --dataset mnist --is_train True */
    vs_graph *g = vs_graph_new();
    static DCGAN dcgan = {.batch_size = 64, .sample_size = 64, .output_size = 28, .y_dim = 10, .z_dim = 100, .gf_dim = 64, .df_dim = 64, .gfc_dim = 1024, .dfc_dim = 1024, .c_dim = 1};
    DCGAN_init(g, &dcgan);
    train(g, &dcgan, 0.0002, 0.5);
    vs_graph_free(g);
    return 0;
}
