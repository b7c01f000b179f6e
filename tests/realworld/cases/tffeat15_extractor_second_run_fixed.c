/* realworld: tffeat15_extractor_second_run (fixed)
 *
 * Source: https://github.com/tomrunia/TF_FeatureExtraction/issues/15
 *   (see the failing program's header).
 * Fix: the thread's answer, "Maybe use `tf.reset_default_graph()` ?":
 *   each run of the script starts from a fresh default graph.
 */
#include <stdbool.h>
#include <string.h>

#include "tfcontrib.h"
#include "tfops.h"

static vs_graph *default_graph;

typedef vs_tensor *(*net_func)(vs_graph *g, vs_tensor *images, int num_classes, bool is_training);

typedef struct network_fn {
    net_func func;
    int num_classes;
    bool is_training;
    int default_image_size;
} network_fn;

/* slim.conv2d(inputs, num_outputs, kernel, stride, scope) under resnet_arg_scope */
static vs_tensor *slim_conv2d(vs_graph *g, vs_tensor *inputs, int num_outputs, int k, int stride, bool bn_relu, const char *scope)
{
    vs_tensor *out = NULL;
    if (!inputs)
        return NULL;
    VS_VARIABLE_SCOPE(g, scope, .default_name = "Conv") {
        int64_t in_ch = vs_tensor_shape(inputs)->dims[3];
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(k, k, in_ch, num_outputs), .initializer = vs_init_he_normal());
        if (weights) {
            vs_add_to_collection(g, VS_MODEL_VARIABLES, weights);
            out = tf_conv2d(g, inputs, weights, stride, 1);
            if (bn_relu) {
                out = tfc_batch_norm(g, out, .decay = 0.997, .epsilon = 1e-5, .scale = true, .not_training = true, .activation = VS_ACT_RELU);
            } else {
                vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(num_outputs), .initializer = vs_init_zeros());
                out = biases ? vs_bias_add(g, out, vs_value(biases)) : NULL;
            }
        }
    }
    return out;
}

static vs_tensor *bottleneck(vs_graph *g, vs_tensor *inputs, int depth, int depth_bottleneck, int stride)
{
    vs_tensor *output = NULL;
    VS_VARIABLE_SCOPE(g, "bottleneck_v1") {
        vs_tensor *shortcut = slim_conv2d(g, inputs, depth, 1, stride, true, "shortcut");
        vs_tensor *residual = slim_conv2d(g, inputs, depth_bottleneck, 1, 1, true, "conv1");
        residual = slim_conv2d(g, residual, depth_bottleneck, 3, stride, true, "conv2");
        residual = slim_conv2d(g, residual, depth, 1, 1, true, "conv3");
        output = shortcut && residual ? vs_relu(g, vs_add(g, shortcut, residual)) : NULL;
    }
    return output;
}

static vs_tensor *resnet_v1_101(vs_graph *g, vs_tensor *inputs, int num_classes, bool is_training)
{
    vs_tensor *net = NULL;
    (void)is_training;
    VS_VARIABLE_SCOPE(g, "resnet_v1_101", .default_name = "resnet_v1") {
        net = slim_conv2d(g, inputs, 64, 7, 2, true, "conv1");   /* conv2d_same */
        net = tf_pool(g, "pool1", net, 3, 2, 1);
        VS_VARIABLE_SCOPE(g, "block1") {
            VS_VARIABLE_SCOPE(g, "unit_1") {
                net = bottleneck(g, net, 256, 64, 1);
            }
        }
        net = net ? tf_shaped(g, "pool5", VS_FLOAT32, VS_SHAPE(-1, 1, 1, 256)) : NULL;
        net = slim_conv2d(g, net, num_classes, 1, 1, false, "logits");
    }
    return net;
}

static const struct {
    const char *name;
    net_func func;
} networks_map[] = {
    {"resnet_v1_101", resnet_v1_101},
};

static network_fn get_network_fn(const char *name, int num_classes, bool is_training)
{
    network_fn fn = {NULL, num_classes, is_training, 224};
    for (size_t i = 0; i < sizeof networks_map / sizeof networks_map[0]; i++)
        if (strcmp(networks_map[i].name, name) == 0)
            fn.func = networks_map[i].func;
    return fn;
}

/* FeatureExtractor(network_name, ...) */
static vs_tensor *feature_extractor_new(vs_graph *g, const char *network_name, int num_classes)
{
    vs_var *global_step = vs_get_or_create_global_step(g);
    network_fn fn = get_network_fn(network_name, num_classes, false);
    if (!global_step || !fn.func)
        return NULL;
    vs_tensor *image_batch = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, fn.default_image_size, fn.default_image_size, 3), .name = "PlaceholderWithDefault");
    return fn.func(g, image_batch, fn.num_classes, fn.is_training);
}

/* python example_feat_extract.py --network resnet_v1_101 ... */
static void run_script(void)
{
    vs_graph_free(default_graph);         /* tf.reset_default_graph() */
    default_graph = vs_graph_new();
    vs_tensor *logits = feature_extractor_new(default_graph, "resnet_v1_101", 1000);
    (void)logits;                         /* feature_extraction_queue(...) */
}

int main(void)
{
    default_graph = vs_graph_new();
    run_script();
    run_script();                         /* run again in the same interpreter */
    vs_graph_free(default_graph);
    return 0;
}
