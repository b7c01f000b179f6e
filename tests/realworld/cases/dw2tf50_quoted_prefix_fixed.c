/* realworld: dw2tf50_quoted_prefix (fixed)
 * This program: the fix below (user_argv's prefix without its quotes);
 *   every layer's name is then valid and the network is built.
 *
 * Source: https://github.com/jinyu121/DW2TF/issues/50
 *   ("ValueError: ''yolov3-tiny/'net1' is not a valid scope name",
 *   Muhammad-Sharif-Ullah, 2020-05-08; the traceback runs main.py
 *   parse_net -> util/cfg_layer.py get_cfg_layer, a Windows prompt).
 * TF raised (quoted from the report):
 *   ValueError: ''yolov3-tiny/'net1' is not a valid scope name
 * Original Python (DW2TF main.py and util/cfg_layer.py, trimmed):
 *   def cfg_net(B, H, W, C, net, param, ..., scope, ...):
 *       width = int(param["width"]); height = ...; channels = ...
 *       net = tf.placeholder(tf.float32, [None, width, height, channels], name=scope)
 *   def cfg_convolutional(..., scope, ...):
 *       net = tf.layers.conv2d(net, name=scope, filters=..., kernel_size=size,
 *                              strides=stride, padding=pad, use_bias=False)
 *       net = tf.layers.batch_normalization(net, name=scope+'/BatchNorm', ...)
 *       net = activation(net, scope+'/Activation')
 *   def cfg_maxpool(..., scope, ...):
 *       net = tf.layers.max_pooling2d(net, name=scope, pool_size=..., strides=..., padding='same')
 *   def parse_net(num_layers, cfg, weights, ...):
 *       for ith, layer in enumerate(cfg_walker):
 *           layer_name = layer['name']
 *           counters.setdefault(layer_name, 0); counters[layer_name] += 1
 *           scope = "{}{}{}".format(args.prefix, layer['name'], counters[layer_name])
 *           net = get_cfg_layer(net, layer_name, layer, ..., scope, ...)
 *   parser.add_argument('--prefix', default='yolo', help='Layer prefix')
 * Why: the user's prompt passed --prefix 'yolov3-tiny/' with its single
 *   quotes (cmd.exe does not strip them), so the first layer, the [net]
 *   placeholder, is named 'yolov3-tiny/'net1.  At the root a name must
 *   match TF's op-name pattern (ops.py, Graph.name_scope:
 *   _VALID_OP_NAME_REGEX "^[A-Za-z0-9.][A-Za-z0-9_.\-/>]*$"), and a quote
 *   is not allowed.
 * Fix: the prefix without quotes (--prefix yolov3-tiny/), as the README's
 *   commands give it (ours: the thread has no answer).
 * Library calls: vs_placeholder, vs_conv2d, vs_batch_normalization,
 *   vs_relu, vs_max_pooling2d.
 * Translation: the command line is the array user_argv (what the report's
 *   user typed, the prefix as Python received it); argparse is a loop of
 *   strcmp; the cfg file is a string (yolov3-tiny.cfg's first layers) cut
 *   into sections with strtok as CFGReader does; the layer dispatch
 *   (_cfg_layer_dict) is a table of function pointers; leaky_relu is
 *   vs_relu (an op without variables either way).  The weights file is
 *   left out (const_inits=False).
 */
#include "varscope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LAYERS 16

static const char *const user_argv[] = {
    "main.py", "--cfg", "data/yolov3-tiny.cfg", "--weights", "data/yolov3-tiny.weights",
    "--prefix", "yolov3-tiny/",
};

static char yolov3_tiny_cfg[] =
    "[net]\nwidth=416\nheight=416\nchannels=3\n"
    "[convolutional]\nbatch_normalize=1\nfilters=16\nsize=3\nstride=1\npad=1\nactivation=leaky\n"
    "[maxpool]\nsize=2\nstride=2\n"
    "[convolutional]\nbatch_normalize=1\nfilters=32\nsize=3\nstride=1\npad=1\nactivation=leaky\n"
    "[maxpool]\nsize=2\nstride=2\n";

struct cfg_layer {
    char name[32];
    int width, height, channels;
    int batch_normalize, filters, size, stride, pad;
    int leaky;
};

struct args { const char *cfg; const char *weights; const char *prefix; };

/* argparse */
static struct args parse_args(int argc, const char *const *argv)
{
    struct args a = {"data/yolo.cfg", "data/yolo.weights", "yolo"};
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--cfg") == 0)
            a.cfg = argv[i + 1];
        else if (strcmp(argv[i], "--weights") == 0)
            a.weights = argv[i + 1];
        else if (strcmp(argv[i], "--prefix") == 0)
            a.prefix = argv[i + 1];
    }
    return a;
}

/* CFGReader: one dict per [section] */
static int read_cfg(char *text, struct cfg_layer *layers, int cap)
{
    int n = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '[') {
            if (n == cap)
                break;
            struct cfg_layer *l = &layers[n++];
            memset(l, 0, sizeof *l);
            size_t len = strcspn(line + 1, "]");
            if (len >= sizeof l->name)
                len = sizeof l->name - 1;
            memcpy(l->name, line + 1, len);
            l->name[len] = '\0';
            continue;
        }
        if (n == 0)
            continue;
        struct cfg_layer *l = &layers[n - 1];
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = '\0';
        const char *key = line, *val = eq + 1;
        if (strcmp(key, "width") == 0) l->width = atoi(val);
        else if (strcmp(key, "height") == 0) l->height = atoi(val);
        else if (strcmp(key, "channels") == 0) l->channels = atoi(val);
        else if (strcmp(key, "batch_normalize") == 0) l->batch_normalize = atoi(val);
        else if (strcmp(key, "filters") == 0) l->filters = atoi(val);
        else if (strcmp(key, "size") == 0) l->size = atoi(val);
        else if (strcmp(key, "stride") == 0) l->stride = atoi(val);
        else if (strcmp(key, "pad") == 0) l->pad = atoi(val);
        else if (strcmp(key, "activation") == 0) l->leaky = strcmp(val, "leaky") == 0;
    }
    return n;
}

typedef vs_tensor *(*cfg_layer_fn)(vs_graph *g, vs_tensor *net, const struct cfg_layer *param, const char *scope);

static vs_tensor *cfg_net(vs_graph *g, vs_tensor *net, const struct cfg_layer *param, const char *scope)
{
    (void)net;
    return vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, param->width, param->height, param->channels), .name = scope);
}

static vs_tensor *cfg_convolutional(vs_graph *g, vs_tensor *net, const struct cfg_layer *param, const char *scope)
{
    char bn_name[128], act_name[128];
    net = vs_conv2d(g, net, param->filters, param->size, param->size, .name = scope, .strides = {param->stride, param->stride},
                    .padding = param->pad == 1 ? VS_SAME : VS_VALID, .no_bias = param->batch_normalize != 0);
    if (net && param->batch_normalize) {
        snprintf(bn_name, sizeof bn_name, "%s/BatchNorm", scope);
        net = vs_batch_normalization(g, net, .name = bn_name, .momentum = 0.9, .epsilon = 1e-05);
    }
    if (net && param->leaky) {
        snprintf(act_name, sizeof act_name, "%s/Activation", scope);
        net = vs_relu(g, net, .name = act_name);
    }
    return net;
}

static vs_tensor *cfg_maxpool(vs_graph *g, vs_tensor *net, const struct cfg_layer *param, const char *scope)
{
    return vs_max_pooling2d(g, net, param->size, param->size, .name = scope, .strides = {param->stride, param->stride}, .padding = VS_SAME);
}

static const struct { const char *name; cfg_layer_fn fn; } cfg_layer_dict[] = {
    {"net", cfg_net},
    {"convolutional", cfg_convolutional},
    {"maxpool", cfg_maxpool},
};

static vs_tensor *get_cfg_layer(vs_graph *g, vs_tensor *net, const struct cfg_layer *param, const char *scope)
{
    for (size_t i = 0; i < sizeof cfg_layer_dict / sizeof cfg_layer_dict[0]; i++)
        if (strcmp(cfg_layer_dict[i].name, param->name) == 0)
            return cfg_layer_dict[i].fn(g, net, param, scope);
    return net;   /* cfg_ignore */
}

static vs_tensor *parse_net(vs_graph *g, const struct args *args)
{
    struct cfg_layer layers[MAX_LAYERS];
    const char *names[MAX_LAYERS];
    int counters[MAX_LAYERS];
    int kinds = 0;
    int n = read_cfg(yolov3_tiny_cfg, layers, MAX_LAYERS);
    vs_tensor *net = NULL;
    for (int ith = 0; ith < n; ith++) {
        int k = 0;
        while (k < kinds && strcmp(names[k], layers[ith].name) != 0)
            k++;
        if (k == kinds) {
            names[kinds] = layers[ith].name;
            counters[kinds++] = 0;
        }
        counters[k]++;
        char scope[128];
        snprintf(scope, sizeof scope, "%s%s%d", args->prefix, layers[ith].name, counters[k]);
        net = get_cfg_layer(g, net, &layers[ith], scope);
        if (!net)
            return NULL;
        printf("%d %s\n", ith, vs_tensor_name(net));
    }
    return net;
}

int main(void)
{
    struct args args = parse_args((int)(sizeof user_argv / sizeof user_argv[0]), user_argv);
    vs_graph *g = vs_graph_new();
    vs_tensor *net = parse_net(g, &args);
    (void)net;
    vs_graph_free(g);
    return 0;
}
