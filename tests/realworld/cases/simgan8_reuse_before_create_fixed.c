/* realworld: simgan8_reuse_before_create (fixed)
 *
 * Source: https://github.com/carpedm20/simulated-unsupervised-tensorflow/pull/8
 * Fix (the pull request's commit 296dea6 "fixes uninitialized scope
 *   issue"): D_y, the call with reuse=False, is built first; the two
 *   reusing calls come after it.
 */
#include <stdio.h>

#include "tfops.h"

enum { batch_size = 32, input_height = 35, input_width = 55, input_channel = 1 };

/* layers.conv2d -> slim.conv2d(inputs, num_outputs, kernel, stride, scope) */
static vs_tensor *conv2d(vs_graph *g, vs_tensor *inputs, int num_outputs, int k, int stride, const char *scope)
{
    vs_tensor *out = NULL;
    if (!inputs)
        return NULL;
    VS_VARIABLE_SCOPE(g, scope, .default_name = "Conv") {
        int64_t in_ch = vs_tensor_shape(inputs)->dims[3];
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(k, k, in_ch, num_outputs), .initializer = vs_init_glorot_uniform());
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(num_outputs), .initializer = vs_init_zeros());
        if (weights && biases) {
            vs_add_to_collection(g, VS_MODEL_VARIABLES, weights);
            vs_add_to_collection(g, VS_MODEL_VARIABLES, biases);
            out = vs_bias_add(g, tf_conv2d(g, inputs, weights, stride, 1), vs_value(biases));
        }
    }
    return out;
}

/* layers.resnet_block */
static vs_tensor *resnet_block(vs_graph *g, vs_tensor *inputs, const char *scope)
{
    vs_tensor *outputs = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        vs_tensor *layer = vs_relu(g, conv2d(g, inputs, 64, 3, 1, "conv1"));
        (void)layer;
        layer = conv2d(g, inputs, 64, 3, 1, "conv2");
        outputs = vs_relu(g, vs_add(g, inputs, layer));
    }
    return outputs;
}

/* slim.repeat(inputs, repetitions, layer, scope=scope) */
static vs_tensor *repeat(vs_graph *g, vs_tensor *inputs, int repetitions, const char *scope)
{
    vs_tensor *outputs = inputs;
    VS_VARIABLE_SCOPE(g, scope, .default_name = "Repeat") {
        for (int i = 0; i < repetitions; i++) {
            char name[32];
            snprintf(name, sizeof name, "%s_%d", scope, i + 1);
            outputs = resnet_block(g, outputs, name);
        }
    }
    return outputs;
}

typedef struct Model {
    vs_tensor *normalized_x, *normalized_y, *R_x, *R_x_history;
    vs_tensor *D_R_x_logits, *D_R_x_history_logits, *D_y_logits;
} Model;

static vs_tensor *build_refiner(vs_graph *g, vs_tensor *layer)
{
    vs_tensor *output = NULL;
    VS_VARIABLE_SCOPE(g, "refiner") {
        layer = repeat(g, layer, 4, "resnet");
        layer = conv2d(g, layer, 1, 1, 1, "conv_1");
        output = vs_tanh(g, layer, .name = "tanh");
    }
    return output;
}

static vs_tensor *build_discrim(vs_graph *g, vs_tensor *layer, vs_reuse reuse)
{
    vs_tensor *logits = NULL;
    VS_VARIABLE_SCOPE(g, "discriminator", .reuse = reuse) {
        layer = conv2d(g, layer, 96, 3, 2, "conv_1");
        layer = conv2d(g, layer, 64, 3, 2, "conv_2");
        layer = layer ? tf_pool(g, "MaxPool", layer, 3, 1, 1) : NULL;
        layer = conv2d(g, layer, 32, 3, 1, "conv_3");
        layer = conv2d(g, layer, 32, 1, 1, "conv_4");
        logits = conv2d(g, layer, 2, 1, 1, "conv_5");
    }
    return logits;
}

static void build_model(vs_graph *g, Model *self)
{
    self->R_x = build_refiner(g, self->normalized_x);
    self->D_y_logits = build_discrim(g, self->normalized_y, VS_REUSE_INHERIT);
    self->D_R_x_logits = build_discrim(g, self->R_x, VS_REUSE);
    self->D_R_x_history_logits = build_discrim(g, self->R_x_history, VS_REUSE);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    Model m = {0};
    m.normalized_x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, input_height, input_width, input_channel), .name = "synthetic_images");
    m.normalized_y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, input_height, input_width, input_channel), .name = "real_images");
    m.R_x_history = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, input_height, input_width, input_channel), .name = "R_x_history");
    build_model(g, &m);
    vs_graph_free(g);
    return 0;
}
