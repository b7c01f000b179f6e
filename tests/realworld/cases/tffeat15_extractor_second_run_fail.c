/* realworld: tffeat15_extractor_second_run (failing)
 *
 * Source: https://github.com/tomrunia/TF_FeatureExtraction/issues/15
 *   ("Error while running the code the second time"; code:
 *   feature_extractor/feature_extractor.py and example_feat_extract.py at
 *   128e8a9; slim's nets_factory and resnet_v1 from tensorflow/models).
 * TF raised (quoted from the report):
 *   Variable resnet_v1_101/conv1/weights already exists, disallowed. Did
 *   you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 *   (the answer: "Maybe use `tf.reset_default_graph()` ?")
 * Original Python (trimmed):
 *   # example_feat_extract.py, __main__:
 *   feature_extractor = FeatureExtractor(network_name=args.network_name,
 *       checkpoint_path=args.checkpoint, batch_size=args.batch_size,
 *       num_classes=num_classes, preproc_func_name=args.preproc_func, ...)
 *   feature_dataset = feature_extraction_queue(feature_extractor, args.image_path, layer_names, ...)
 *   # FeatureExtractor.__init__:
 *   self._global_step = tf.train.get_or_create_global_step()
 *   self._network_fn = nets_factory.get_network_fn(self._network_name,
 *       num_classes=num_classes, is_training=False)
 *   self._image_size = self._network_fn.default_image_size
 *   ... queue, preprocessing ...
 *   self._image_batch = tf.placeholder_with_default(self._batch_from_queue,
 *       shape=[None, self._image_size, self._image_size, 3])
 *   self._logits, self._endpoints = self._network_fn(self._image_batch)
 *   # slim nets_factory: networks_map = {..., 'resnet_v1_101': resnet_v1.resnet_v1_101, ...}
 *   #   get_network_fn(name, num_classes, ...): func = networks_map[name]
 *   #     @functools.wraps(func) def network_fn(images): with slim.arg_scope(arg_scope):
 *   #         return func(images, num_classes, is_training=is_training)
 *   # resnet_v1_101(inputs, num_classes, ..., scope='resnet_v1_101'):
 *   #   with tf.variable_scope(scope, 'resnet_v1', [inputs], reuse=reuse):
 *   #     net = resnet_utils.conv2d_same(inputs, 64, 7, stride=2, scope='conv1')
 *   #     net = slim.max_pool2d(net, [3, 3], stride=2, scope='pool1')
 *   #     net = stack_blocks_dense(net, blocks)   # block1/unit_1/bottleneck_v1/...
 *   #     net = slim.conv2d(net, num_classes, [1, 1], ..., scope='logits')
 * Why: the script is run a second time in the same interpreter (the
 *   report: "now when i am trying to run it again"), whose default graph
 *   holds the first run's network: get_or_create_global_step finds the
 *   existing global step, but resnet_v1_101's conv1 creates its weights
 *   again.
 * Library calls: vs_get_or_create_global_step, vs_variable_scope_enter
 *   (block form), vs_get_variable, vs_add_to_collection; tfcontrib.h's
 *   tfc_batch_norm; tfops.h.  nets_factory's map is a table of network
 *   functions looked up by name; get_network_fn's closure is a struct with
 *   the function pointer and its arguments.
 * Translation: resnet_v1_101 is cut to conv1, pool1, the first
 *   bottleneck unit of block1 and the logits (the failure is at conv1);
 *   slim.conv2d under resnet_arg_scope is weights + batch norm
 *   (is_training=False) + relu; the filename queue and the session are
 *   left out; a run of the script is a function, called twice.
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
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(k, k, in_ch, num_outputs), .initializer = vs_init_he_normal()); // expect: duplicate-variable
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
