/* realworld: lime259_inception_cell_rerun (fixed)
 *
 * Source: https://github.com/marcotcr/lime/issues/259
 * Fix (the reporter's: "i just restarted the kernel"; in the program, the
 *   same as tf.reset_default_graph() before the cell builds, with the
 *   input placeholder made again in the new graph).
 */
#include <stdbool.h>

#include "tfcontrib.h"
#include "tfops.h"

static vs_graph *default_graph;
static vs_tensor *processed_images;

/* slim.conv2d under inception_v3_arg_scope: weights, then batch_norm */
static vs_tensor *slim_conv2d(vs_graph *g, vs_tensor *inputs, int num_outputs, int k, int stride, int same, bool is_training, const char *scope)
{
    vs_tensor *out = NULL;
    if (!inputs)
        return NULL;
    VS_VARIABLE_SCOPE(g, scope, .default_name = "Conv") {
        int64_t in_ch = vs_tensor_shape(inputs)->dims[3];
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(k, k, in_ch, num_outputs), .initializer = vs_init_truncated_normal(0, 0.1));
        if (weights) {
            vs_add_to_collection(g, VS_MODEL_VARIABLES, weights);
            vs_tensor *conv = tf_conv2d(g, inputs, weights, stride, same);
            out = tfc_batch_norm(g, conv, .decay = 0.9997, .epsilon = 0.001, .not_training = !is_training, .activation = VS_ACT_RELU);
        }
    }
    return out;
}

static vs_tensor *inception_v3_base(vs_graph *g, vs_tensor *inputs, vs_scope *scope, bool is_training)
{
    vs_tensor *net = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, scope) {
        net = slim_conv2d(g, inputs, 32, 3, 2, 0, is_training, "Conv2d_1a_3x3");
        net = slim_conv2d(g, net, 32, 3, 1, 0, is_training, "Conv2d_2a_3x3");
        net = slim_conv2d(g, net, 64, 3, 1, 1, is_training, "Conv2d_2b_3x3");
    }
    return net;
}

static vs_tensor *inception_v3(vs_graph *g, vs_tensor *inputs, int num_classes, bool is_training)
{
    vs_tensor *logits = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "InceptionV3", .reuse = VS_REUSE_INHERIT) {
        vs_tensor *net = inception_v3_base(g, inputs, scope, is_training);
        logits = net ? tf_shaped(g, "Logits", VS_FLOAT32, VS_SHAPE(vs_tensor_shape(net)->dims[0], num_classes)) : NULL;
    }
    return logits;
}

/* the notebook's cell */
static void cell(void)
{
    vs_graph_free(default_graph);         /* a fresh kernel's graph */
    default_graph = vs_graph_new();
    processed_images = vs_placeholder(default_graph, VS_FLOAT32, VS_SHAPE(-1, 299, 299, 3));
    vs_tensor *logits = inception_v3(default_graph, processed_images, 1001, false);
    vs_tensor *probabilities = logits ? tf_like(default_graph, "Softmax", logits) : NULL;
    (void)probabilities;
}

int main(void)
{
    default_graph = vs_graph_new();
    processed_images = vs_placeholder(default_graph, VS_FLOAT32, VS_SHAPE(-1, 299, 299, 3));
    cell();
    cell();                               /* run again */
    vs_graph_free(default_graph);
    return 0;
}
