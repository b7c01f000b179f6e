/* realworld: mcgan1_bn_object_ema_reuse (fixed)
 *
 * Source: https://github.com/xudonmao/Multi-class_GAN/issues/1 (see the
 *   failing program's header).
 * Fix: the form this batch_norm class ("Code modification of
 *   http://stackoverflow.com/a/33950177", from carpedm20/DCGAN-tensorflow's
 *   ops.py) took after TensorFlow 1.0 in DCGAN-tensorflow and its copies:
 *     def __call__(self, x, train=True):
 *         return tf.contrib.layers.batch_norm(x, decay=self.momentum,
 *             updates_collections=None, epsilon=self.epsilon, scale=True,
 *             is_training=train, scope=self.name)
 *   contrib's batch_norm keeps its moving mean and variance as variables
 *   of the scope (moving_mean, moving_variance), which the leaked reuse
 *   shares like beta and gamma; no EMA of tensors is made.
 */
#include <stdbool.h>
#include <stdint.h>

#include "tfcontrib.h"
#include "tfops.h"

enum { batch_size = 64, y_dim = 3740, c_dim = 1, z_dim = 1024, output_size = 28 };

typedef struct batch_norm {
    const char *name;
    double epsilon, momentum;
} batch_norm;

/* batch_norm.__init__, run when mcgan.py is imported: its variable scope
 * is entered in the default graph of that moment (import_graph) */
static void batch_norm_init(vs_graph *import_graph, batch_norm *bn, const char *name)
{
    VS_VARIABLE_SCOPE(import_graph, name) {
        bn->epsilon = 1e-5;
        bn->momentum = 0.9;
        bn->name = name;
    }
}

static vs_tensor *batch_norm_call(vs_graph *g, batch_norm *bn, vs_tensor *x, bool train)
{
    return tfc_batch_norm(g, x, .decay = bn->momentum, .no_updates_collections = true, .epsilon = bn->epsilon,
                          .scale = true, .not_training = !train, .scope = bn->name);
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
    batch_norm_init(import_graph, &d_bn1, "d_bn1");   /* mcgan.py's module level */
    batch_norm_init(import_graph, &d_bn2, "d_bn2");
    batch_norm_init(import_graph, &g_bn0, "g_bn0");
    batch_norm_init(import_graph, &g_bn1, "g_bn1");
    batch_norm_init(import_graph, &g_bn2, "g_bn2");
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
