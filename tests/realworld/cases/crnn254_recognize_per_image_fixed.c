/* realworld: crnn254_recognize_per_image (fixed)
 *
 * Source: https://github.com/MaybeShewill-CV/CRNN_Tensorflow/issues/254
 *   (see the failing program's header).
 * Fix (ours; the thread closed without one): recognize() builds the net
 *   with reuse=tf.AUTO_REUSE, so the first region's call creates the
 *   variables and every later call (whatever the region's width) shares
 *   them; the LSTM cells are new objects per call and share through
 *   get_variable under the reusing scope.
 */
#include <stdbool.h>
#include <stdio.h>

#include "tfops.h"

enum { hidden_nums = 256, layers_nums = 2, num_classes = 37, input_width = 100 };

static vs_graph *default_graph;

/* tf.nn.conv2d / max_pool output: NHWC, per-axis kernel and stride */
static vs_tensor *conv_like(vs_graph *g, const char *op, vs_tensor *x, int kh, int kw, int sh, int sw, bool same, int64_t channels)
{
    if (!x)
        return NULL;
    const vs_shape *in = vs_tensor_shape(x);
    int64_t h = same ? tf_ceil_div(in->dims[1], sh) : tf_ceil_div(in->dims[1] - kh + 1, sh);
    int64_t w = same ? tf_ceil_div(in->dims[2], sw) : tf_ceil_div(in->dims[2] - kw + 1, sw);
    return tf_shaped(g, op, VS_FLOAT32, VS_SHAPE(in->dims[0], h, w, channels));
}

/* cnn_basenet.conv2d(inputdata, out_channel, kernel_size, stride, use_bias, name) */
static vs_tensor *conv2d(vs_graph *g, vs_tensor *inputdata, int out_channel, int kh, int kw, int sh, int sw, bool use_bias, const char *name)
{
    vs_tensor *out = NULL;
    if (!inputdata)
        return NULL;
    VS_VARIABLE_SCOPE(g, name) {
        int64_t in_channel = vs_tensor_shape(inputdata)->dims[3];
        vs_var *w = vs_get_variable(g, "W", .shape = VS_SHAPE(kh, kw, in_channel, out_channel), .initializer = vs_init_he_normal());
        vs_var *b = NULL;
        if (w && use_bias)
            b = vs_get_variable(g, "b", .shape = VS_SHAPE(out_channel), .initializer = vs_init_constant(0.0));
        vs_tensor *conv = w ? conv_like(g, "Conv2D", inputdata, kh, kw, sh, sw, true, out_channel) : NULL;
        out = b ? vs_bias_add(g, conv, vs_value(b)) : conv;
    }
    return out;
}

static vs_tensor *layerbn(vs_graph *g, vs_tensor *x, const char *name)
{
    return x ? vs_batch_normalization(g, x, .name = name, .momentum = 0.999, .epsilon = 1e-3) : NULL;
}

static vs_tensor *conv_stage(vs_graph *g, vs_tensor *inputdata, int out_dims, const char *name)
{
    vs_tensor *max_pool = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_tensor *conv = conv2d(g, inputdata, out_dims, 3, 3, 1, 1, true, "conv");
        vs_tensor *bn = layerbn(g, conv, "bn");
        vs_tensor *relu = bn ? vs_relu(g, bn) : NULL;
        max_pool = conv_like(g, "MaxPool", relu, 2, 2, 2, 2, false, out_dims);
    }
    return max_pool;
}

static vs_tensor *feature_sequence_extraction(vs_graph *g, vs_tensor *inputdata)
{
    vs_tensor *relu7 = NULL;
    VS_VARIABLE_SCOPE(g, "feature_extraction_module") {
        vs_tensor *conv1 = conv_stage(g, inputdata, 64, "conv1");
        vs_tensor *conv2 = conv_stage(g, conv1, 128, "conv2");
        vs_tensor *relu3 = tf_like(g, "Relu", layerbn(g, conv2d(g, conv2, 256, 3, 3, 1, 1, false, "conv3"), "bn3"));
        vs_tensor *relu4 = tf_like(g, "Relu", layerbn(g, conv2d(g, relu3, 256, 3, 3, 1, 1, false, "conv4"), "bn4"));
        vs_tensor *max_pool4 = conv_like(g, "MaxPool", relu4, 2, 1, 2, 1, false, 256);
        vs_tensor *relu5 = tf_like(g, "Relu", layerbn(g, conv2d(g, max_pool4, 512, 3, 3, 1, 1, false, "conv5"), "bn5"));
        vs_tensor *relu6 = tf_like(g, "Relu", layerbn(g, conv2d(g, relu5, 512, 3, 3, 1, 1, false, "conv6"), "bn6"));
        vs_tensor *max_pool6 = conv_like(g, "MaxPool", relu6, 2, 1, 2, 1, false, 512);
        relu7 = tf_like(g, "Relu", layerbn(g, conv2d(g, max_pool6, 512, 2, 2, 2, 1, false, "conv7"), "bn7"));
    }
    return relu7;
}

static vs_tensor *map_to_sequence(vs_graph *g, vs_tensor *inputdata)
{
    vs_tensor *ret = NULL;
    VS_VARIABLE_SCOPE(g, "map_to_sequence_module") {
        if (inputdata) {
            const vs_shape *s = vs_tensor_shape(inputdata);
            ret = tf_shaped(g, "squeeze", VS_FLOAT32, VS_SHAPE(s->dims[0], s->dims[2], s->dims[3]));
        }
    }
    return ret;
}

/* tf.contrib.rnn.stack_bidirectional_dynamic_rnn(cells_fw, cells_bw, inputs) */
static vs_tensor *stack_bidirectional_dynamic_rnn(vs_graph *g, vs_layer *const *cells_fw, vs_layer *const *cells_bw, int n, vs_tensor *inputs)
{
    vs_tensor *prev_layer = inputs;
    VS_VARIABLE_SCOPE(g, "stack_bidirectional_rnn") {
        for (int i = 0; i < n; i++) {
            char name[16];
            snprintf(name, sizeof name, "cell_%d", i);
            VS_VARIABLE_SCOPE(g, name) {
                VS_VARIABLE_SCOPE(g, "bidirectional_rnn") {
                    vs_tensor *output_fw = prev_layer ? vs_dynamic_rnn(g, cells_fw[i], prev_layer, .dtype = VS_FLOAT32, .scope = "fw") : NULL;
                    vs_tensor *reversed = tf_like(g, "ReverseV2", prev_layer);
                    vs_tensor *output_bw = reversed ? vs_dynamic_rnn(g, cells_bw[i], reversed, .dtype = VS_FLOAT32, .scope = "bw") : NULL;
                    vs_tensor *outs[2] = {output_fw, tf_like(g, "ReverseV2", output_bw)};
                    prev_layer = tf_concat(g, outs, 2, 2);
                }
            }
        }
    }
    return prev_layer;
}

static vs_tensor *sequence_label(vs_graph *g, vs_tensor *inputdata)
{
    vs_tensor *rnn_out = NULL;
    VS_VARIABLE_SCOPE(g, "sequence_rnn_module") {
        vs_layer *fw_cell_list[layers_nums], *bw_cell_list[layers_nums];
        for (int i = 0; i < layers_nums; i++)
            fw_cell_list[i] = vs_lstm_cell(g, hidden_nums);
        for (int i = 0; i < layers_nums; i++)
            bw_cell_list[i] = vs_lstm_cell(g, hidden_nums);
        vs_tensor *stack_lstm_layer = stack_bidirectional_dynamic_rnn(g, fw_cell_list, bw_cell_list, layers_nums, inputdata);
        stack_lstm_layer = tf_like(g, "sequence_drop_out", stack_lstm_layer);
        if (stack_lstm_layer) {
            int64_t hidden = vs_tensor_shape(inputdata)->dims[2];
            vs_tensor *rnn_reshaped = tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, vs_tensor_shape(stack_lstm_layer)->dims[2]));
            vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(hidden, num_classes), .initializer = vs_init_truncated_normal(0, 0.02));
            vs_tensor *logits = w ? vs_matmul(g, rnn_reshaped, vs_value(w), .name = "logits") : NULL;
            rnn_out = tf_like(g, "transpose_time_major", logits);
        }
    }
    return rnn_out;
}

/* ShadowNet.inference(inputdata, name, reuse) */
static vs_tensor *inference(vs_graph *g, vs_tensor *inputdata, const char *name, vs_reuse reuse)
{
    vs_tensor *net_out = NULL;
    VS_VARIABLE_SCOPE(g, name, .reuse = reuse) {
        vs_tensor *centered = tf_like(g, "truediv", inputdata);
        vs_tensor *cnn_out = feature_sequence_extraction(g, centered);
        vs_tensor *sequence = map_to_sequence(g, cnn_out);
        net_out = sequence_label(g, sequence);
    }
    return net_out;
}

/* tools/test_shadownet.py recognize(), called per detected region */
static void recognize(int image_h, int image_w)
{
    vs_graph *g = default_graph;
    int new_heigth = 32;
    int new_width = new_heigth * image_w / image_h;
    new_width = new_width > input_width ? new_width : input_width;
    vs_tensor *inputdata = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, new_heigth, new_width, 3), .name = "input");
    vs_tensor *inference_ret = inference(g, inputdata, "shadow_net", VS_AUTO_REUSE);
    (void)inference_ret;
}

int main(void)
{
    static const int regions[3][2] = {{32, 180}, {40, 80}, {30, 225}};
    default_graph = vs_graph_new();
    for (int i = 0; i < 3; i++)           /* text_detection.py: one recognize() per region */
        recognize(regions[i][0], regions[i][1]);
    vs_graph_free(default_graph);
    return 0;
}
