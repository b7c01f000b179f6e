/* realworld: infogan9_conv_batch_norm_ema_reuse (fixed)
 *
 * Source: https://github.com/JonathanRaiman/tensorflow-infogan/issues/9
 *   (see the failing program's header).
 * Fix (ours; the thread has none): the second discriminator is built
 *   with reuse=tf.AUTO_REUSE instead of reuse=True, so its weights, gamma
 *   and beta are shared and the averages of its own batch moments are
 *   created (".../discriminator_1/layer_0/batch_norm/moments/Squeeze/
 *   ExponentialMovingAverage").
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tfcontrib.h"
#include "tfops.h"

enum { batch_size = 64, style_size = 62, categorical = 10, num_continuous = 2 };

typedef enum { NL_RELU, NL_LRELU, NL_SIGMOID } nonlinearity_t;

/* a normalizer_fn: (inputs, is_training) -> outputs */
typedef vs_tensor *(*normalizer_fn)(vs_graph *g, vs_tensor *inputs, vs_tensor *is_training);

static vs_tensor *conv_batch_norm(vs_graph *g, vs_tensor *inputs, vs_tensor *is_training)
{
    vs_ema *ema = vs_exponential_moving_average(g, 0.9);
    int64_t shp = vs_tensor_shape(inputs)->dims[3];
    vs_tensor *normalized_x = NULL;
    VS_VARIABLE_SCOPE(g, "batch_norm") {
        vs_var *gamma = vs_get_variable(g, "gamma", .shape = VS_SHAPE(shp), .initializer = vs_init_random_normal(1.0, 0.02));
        vs_var *beta = gamma ? vs_get_variable(g, "beta", .shape = VS_SHAPE(shp), .initializer = vs_init_constant(0.0)) : NULL;
        vs_tensor *mv[2] = {NULL, NULL};
        VS_NAME_SCOPE(g, "moments") {
            mv[0] = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SHAPE(shp));
            mv[1] = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SHAPE(shp));
        }
        vs_op *ema_apply_op = beta ? vs_ema_apply_tensors(g, ema, mv, 2) : NULL;
        if (ema_apply_op) {
            VS_NAME_SCOPE(g, "cond") {
                /* update(): batch statistics; do_not_update(): the averages */
                vs_tensor *upd[5] = {inputs, mv[0], mv[1], vs_value(beta), vs_value(gamma)};
                vs_tensor *update = tf_op(g, "BatchNormWithGlobalNormalization", upd, 5, VS_FLOAT32, vs_tensor_shape(inputs));
                vs_tensor *dnu[5] = {inputs, vs_value(vs_ema_average_tensor(ema, mv[0])), vs_value(vs_ema_average_tensor(ema, mv[1])), vs_value(beta), vs_value(gamma)};
                vs_tensor *do_not_update = tf_op(g, "BatchNormWithGlobalNormalization", dnu, 5, VS_FLOAT32, vs_tensor_shape(inputs));
                vs_tensor *merge[3] = {is_training, update, do_not_update};
                normalized_x = tf_op(g, "Merge", merge, 3, VS_FLOAT32, vs_tensor_shape(inputs));
            }
        }
    }
    return normalized_x;
}

/* layers.batch_norm with {"is_training": ..., "updates_collections": None} */
static vs_tensor *fc_batch_norm(vs_graph *g, vs_tensor *inputs, vs_tensor *is_training)
{
    (void)is_training;
    return tfc_batch_norm(g, inputs, .no_updates_collections = true);
}

static vs_tensor *activate(vs_graph *g, vs_tensor *x, nonlinearity_t nl)
{
    switch (nl) {
    case NL_RELU: return vs_relu(g, x);
    case NL_SIGMOID: return vs_sigmoid(g, x);
    case NL_LRELU: return tfg_like(g, "Maximum", x);
    }
    return x;
}

/* contrib's convolution2d (transpose = false) / convolution2d_transpose */
static vs_tensor *contrib_conv(vs_graph *g, vs_tensor *x, int num_outputs, int k, int stride, bool transpose,
                               normalizer_fn norm, vs_tensor *is_training, nonlinearity_t nl, const char *scope)
{
    if (!x)
        return NULL;
    const vs_shape *in = vs_tensor_shape(x);
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        const vs_shape *ws = transpose ? VS_SHAPE(k, k, num_outputs, in->dims[3]) : VS_SHAPE(k, k, in->dims[3], num_outputs);
        vs_var *weights = vs_get_variable(g, "weights", .shape = ws, .initializer = vs_init_glorot_uniform());
        vs_var *biases = NULL;
        if (weights && !norm)
            biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(num_outputs), .initializer = vs_init_zeros());
        if (weights && (norm || biases)) {
            int64_t h = transpose ? in->dims[1] * stride : tf_ceil_div(in->dims[1], stride);
            int64_t w = transpose ? in->dims[2] * stride : tf_ceil_div(in->dims[2], stride);
            vs_tensor *ins[2] = {x, vs_value(weights)};
            out = tf_op(g, transpose ? "conv2d_transpose" : "Conv2D", ins, 2, VS_FLOAT32, VS_SHAPE(in->dims[0], h, w, num_outputs));
            out = norm ? norm(g, out, is_training) : vs_bias_add(g, out, vs_value(biases));
            out = out ? activate(g, out, nl) : NULL;
        }
    }
    return out;
}

/* contrib's fully_connected with a normalizer_fn */
static vs_tensor *contrib_fc(vs_graph *g, vs_tensor *x, int num_outputs, normalizer_fn norm, vs_tensor *is_training,
                             nonlinearity_t nl, const char *scope)
{
    if (!x)
        return NULL;
    const vs_shape *in = vs_tensor_shape(x);
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(in->dims[in->rank - 1], num_outputs), .initializer = vs_init_glorot_uniform());
        vs_var *biases = NULL;
        if (weights && !norm)
            biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(num_outputs), .initializer = vs_init_zeros());
        if (weights && (norm || biases)) {
            vs_shape os = *in;
            os.dims[os.rank - 1] = num_outputs;
            vs_tensor *ins[2] = {x, vs_value(weights)};
            out = tf_op(g, "Tensordot", ins, 2, VS_FLOAT32, &os);
            out = norm ? norm(g, out, is_training) : vs_bias_add(g, out, vs_value(biases));
            out = out ? activate(g, out, nl) : NULL;
        }
    }
    return out;
}

/* parse_math: "7x7x128" -> 6272 */
static int parse_math(const char *s)
{
    int v = 1;
    for (char *end; *s; s = *end == 'x' ? end + 1 : end) {
        v *= (int)strtol(s, &end, 10);
        if (end == s)
            break;
    }
    return v;
}

static nonlinearity_t nonlinearity_of(const char *s)
{
    if (strcmp(s, "lrelu") == 0)
        return NL_LRELU;
    if (strcmp(s, "sigmoid") == 0)
        return NL_SIGMOID;
    return NL_RELU;
}

static vs_tensor *run_network(vs_graph *g, vs_tensor *inpt, const char *string, vs_tensor *is_training,
                              bool use_batch_norm, bool strip_batchnorm_from_last_layer)
{
    normalizer_fn maybe_fc_batch_norm = use_batch_norm ? fc_batch_norm : NULL;
    normalizer_fn maybe_conv_batch_norm = use_batch_norm ? conv_batch_norm : NULL;
    char desc[256];
    snprintf(desc, sizeof desc, "%s", string);
    char *layer_strs[16];
    int n = 0;
    for (char *p = strtok(desc, ","); p && n < 16; p = strtok(NULL, ","))
        layer_strs[n++] = p;
    int layer_idx = 0;
    vs_tensor *out = inpt;
    for (int i = 0; i < n && out; i++) {
        if (i + 1 == n && strip_batchnorm_from_last_layer) {
            maybe_fc_batch_norm = NULL;
            maybe_conv_batch_norm = NULL;
        }
        char *layer = layer_strs[i];
        char scope[16];
        snprintf(scope, sizeof scope, "layer_%d", layer_idx);
        char *params[5];
        int np = 0;
        char *kind = strtok(layer, ":");
        for (char *p = strtok(NULL, ":"); p && np < 5; p = strtok(NULL, ":"))
            params[np++] = p;
        if (strcmp(kind, "conv") == 0 || strcmp(kind, "deconv") == 0) {
            nonlinearity_t nl = np == 4 ? nonlinearity_of(params[3]) : NL_RELU;
            out = contrib_conv(g, out, parse_math(params[2]), parse_math(params[0]), parse_math(params[1]),
                               strcmp(kind, "deconv") == 0, maybe_conv_batch_norm, is_training, nl, scope);
            layer_idx += 1;
        } else if (strcmp(kind, "fc") == 0) {
            nonlinearity_t nl = np == 2 ? nonlinearity_of(params[1]) : NL_RELU;
            out = contrib_fc(g, out, parse_math(params[0]), maybe_fc_batch_norm, is_training, nl, scope);
            layer_idx += 1;
        } else if (strcmp(kind, "reshape") == 0) {
            out = tfg_reshape(g, out, VS_SHAPE(-1, parse_math(params[0]), parse_math(params[1]), parse_math(params[2])));
        }
    }
    return out;
}

static vs_tensor *generator_forward(vs_graph *g, vs_tensor *z, const char *network_description, vs_tensor *is_training,
                                   vs_reuse reuse, const char *name)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name, .reuse = reuse) {
        out = run_network(g, z, network_description, is_training, true, true);
    }
    return out;
}

typedef struct { vs_tensor *prob, *hidden; } disc_out;

static disc_out discriminator_forward(vs_graph *g, vs_tensor *img, const char *network_description, vs_tensor *is_training,
                                      vs_reuse reuse, const char *name)
{
    disc_out d = {NULL, NULL};
    VS_VARIABLE_SCOPE(g, name, .reuse = reuse) {
        vs_tensor *out = run_network(g, img, network_description, is_training, true, false);
        if (out) {
            const vs_shape *s = vs_tensor_shape(out);
            out = tfg_reshape(g, out, VS_SHAPE(-1, s->dims[1] * s->dims[2] * s->dims[3]));   /* layers.flatten */
            d.prob = vs_fully_connected(g, out, 1, .activation = VS_ACT_SIGMOID, .scope = "prob_projection");
        }
        d.hidden = out;
    }
    return d;
}

int main(void)
{
    const char *generator_desc = "fc:1024,fc:7x7x128,reshape:7:7:128,deconv:4:2:64,deconv:4:2:1:sigmoid";
    const char *discriminator_desc = "conv:4:2:64:lrelu,conv:4:2:128:lrelu,fc:1024:lrelu";
    vs_graph *g = vs_graph_new();
    vs_get_variable(g, "discriminator_lr", .shape = VS_SCALAR, .initializer = vs_init_constant(2e-4));
    vs_get_variable(g, "generator_lr", .shape = VS_SCALAR, .initializer = vs_init_constant(1e-3));
    vs_tensor *true_images = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 28, 28, 1), .name = "true_images");
    vs_tensor *zc_vectors = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, style_size + categorical + num_continuous), .name = "zc_vectors");
    vs_tensor *is_training_discriminator = vs_placeholder(g, VS_BOOL, VS_SCALAR, .name = "is_training_discriminator");
    vs_tensor *is_training_generator = vs_placeholder(g, VS_BOOL, VS_SCALAR, .name = "is_training_generator");

    vs_tensor *fake_images = generator_forward(g, zc_vectors, generator_desc, is_training_generator, VS_REUSE_INHERIT, "generator");
    disc_out discriminator_fake = discriminator_forward(g, fake_images, discriminator_desc, is_training_discriminator, VS_REUSE_INHERIT, "discriminator");
    disc_out discriminator_true = discriminator_forward(g, true_images, discriminator_desc, is_training_discriminator, VS_AUTO_REUSE, "discriminator");
    (void)discriminator_fake;
    (void)discriminator_true;
    vs_graph_free(g);
    return 0;
}
