/* realworld: selflow16_test_in_loop (failing)
 *
 * Source: https://github.com/ppliuboy/SelFlow/issues/16
 *   ("Running model.test in a loop"; code at 0525a2a: network.py,
 *   selflow_model.py).
 * TF raised (quoted from the report, from network.py line 11,
 *   net['conv1_1'] = slim.conv2d(x, 16, stride=2, scope='conv1_1')):
 *   Variable feature_extractor/conv1_1/weights already exists, disallowed.
 *   Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 * Original Python (trimmed):
 *   def feature_extractor(x, train=True, trainable=True, reuse=None,
 *                         regularizer=None, name='feature_extractor'):
 *       with tf.variable_scope(name, reuse=reuse, regularizer=regularizer):
 *           with slim.arg_scope([slim.conv2d], activation_fn=lrelu,
 *                               kernel_size=3, padding='SAME',
 *                               trainable=trainable):
 *               net['conv1_1'] = slim.conv2d(x, 16, stride=2, scope='conv1_1')
 *               net['conv1_2'] = slim.conv2d(net['conv1_1'], 16, stride=1, scope='conv1_2')
 *               ...                               # conv2_1 ... conv6_2
 *   def estimator_network(x1, cost_volume, flow, ..., reuse=None, name=...):
 *       net_input = tf.concat([cost_volume, x1, flow], axis=-1)
 *       with tf.variable_scope(name, reuse=reuse, ...):
 *           net['conv1'] = slim.conv2d(net_input, 128, scope='conv1') ... conv6
 *   def estimator(x0, x1, x2, flow_fw, flow_bw, ..., reuse=None, name=...):
 *       net_fw = estimator_network(x1, cv_concat_fw, ..., reuse=reuse, name=name)
 *       net_bw = estimator_network(x1, cv_concat_bw, ..., reuse=True, name=name)
 *   def pyramid_processing_three_frame(...):   # level 6, then 5..2 in a loop,
 *       ...                                    # then context_network twice
 *   def pyramid_processing(batch_img0, batch_img1, batch_img2, ...):
 *       x0_feature = feature_extractor(batch_img0, ..., name='feature_extractor')
 *       x1_feature = feature_extractor(batch_img1, ..., reuse=True, ...)
 *       x2_feature = feature_extractor(batch_img2, ..., reuse=True, ...)
 *       return pyramid_processing_three_frame(...)
 *   # SelFlowModel.test(): builds the input pipeline, then
 *   flow_fw, flow_bw = pyramid_processing(batch_img0, batch_img1, batch_img2,
 *                                         train=False, trainable=False, is_scale=True)
 *   ... saver.restore(sess, restore_model); runs every image
 *   # the reporter's driver: model.test(...) called in a loop
 * Why: test() builds the whole network in the default graph each time it
 *   is called.  The second call's first feature_extractor has reuse=None,
 *   so slim's conv1_1 creates feature_extractor/conv1_1/weights again.
 *   The maintainer's answer points at the reuse=True of the later calls,
 *   which only covers the frames inside one build.
 * Library calls: vs_variable_scope_enter (block form), vs_get_variable,
 *   snprintf'd scope names; tfops.h for conv, concat, warp, resize.
 * Translation: slim.conv2d is written with the library's variable_scope
 *   and get_variable as contrib's convolution does (scope `scope`, default
 *   'Conv'; weights [k, k, in, out] then biases [out]; trainable=False from
 *   the arg_scope); the image pipeline is three placeholders of unknown
 *   height and width; the restore and the session are left out.
 */
#include <stdbool.h>
#include <stdio.h>

#include "tfops.h"

typedef struct features {
    vs_tensor *conv[7][3];            /* conv[level][1..2] */
} features;

static vs_tensor *lrelu(vs_graph *g, vs_tensor *x)
{
    return tf_like(g, "Maximum", x);
}

/* slim.conv2d(inputs, num_outputs, kernel_size=3, stride, rate,
 *             padding='SAME', activation_fn, trainable, scope) */
static vs_tensor *slim_conv2d(vs_graph *g, vs_tensor *inputs, int num_outputs, int stride, bool activation, bool trainable, const char *scope)
{
    vs_tensor *out = NULL;
    if (!inputs)
        return NULL;
    VS_VARIABLE_SCOPE(g, scope, .default_name = "Conv") {
        const vs_shape *in = vs_tensor_shape(inputs);
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(3, 3, in->dims[3], num_outputs), .initializer = vs_init_glorot_uniform(), .not_trainable = !trainable); // expect: duplicate-variable
        vs_var *biases = weights ? vs_get_variable(g, "biases", .shape = VS_SHAPE(num_outputs), .initializer = vs_init_zeros(), .not_trainable = !trainable) : NULL;
        if (weights && biases) {
            vs_add_to_collection(g, VS_MODEL_VARIABLES, weights);
            vs_add_to_collection(g, VS_MODEL_VARIABLES, biases);
            vs_tensor *conv = tf_conv2d(g, inputs, weights, stride, 1);
            out = vs_bias_add(g, conv, vs_value(biases));
            if (activation)
                out = lrelu(g, out);
        }
    }
    return out;
}

static features feature_extractor(vs_graph *g, vs_tensor *x, bool trainable, vs_reuse reuse, const char *name)
{
    static const int depth[7] = {0, 16, 32, 64, 96, 128, 192};
    features net = {{{NULL}}};
    VS_VARIABLE_SCOPE(g, name, .reuse = reuse) {
        vs_tensor *t = x;
        for (int l = 1; l <= 6; l++) {
            char s1[16], s2[16];
            snprintf(s1, sizeof s1, "conv%d_1", l);
            snprintf(s2, sizeof s2, "conv%d_2", l);
            net.conv[l][1] = slim_conv2d(g, t, depth[l], 2, true, trainable, s1);
            net.conv[l][2] = slim_conv2d(g, net.conv[l][1], depth[l], 1, true, trainable, s2);
            t = net.conv[l][2];
        }
    }
    return net;
}

static vs_tensor *cost_volume(vs_graph *g, vs_tensor *x1, vs_tensor *x2)
{
    if (!x1 || !x2)
        return NULL;
    const vs_shape *s = vs_tensor_shape(x1);
    vs_tensor *ins[2] = {x1, x2};
    return tf_op(g, "Reshape", ins, 2, VS_FLOAT32, VS_SHAPE(-1, s->dims[1], s->dims[2], 9 * 9));
}

static vs_tensor *concat3(vs_graph *g, vs_tensor *a, vs_tensor *b, vs_tensor *c)
{
    vs_tensor *xs[3] = {a, b, c};
    return tf_concat(g, xs, c ? 3 : 2, 3);
}

static vs_tensor *estimator_network(vs_graph *g, vs_tensor *x1, vs_tensor *cv, vs_tensor *flow, bool trainable, vs_reuse reuse, const char *name)
{
    static const int depth[6] = {128, 128, 96, 64, 32, 2};
    vs_tensor *net_input = concat3(g, cv, x1, flow);
    vs_tensor *t = net_input;
    VS_VARIABLE_SCOPE(g, name, .reuse = reuse) {
        for (int i = 0; i < 6; i++) {
            char s[8];
            snprintf(s, sizeof s, "conv%d", i + 1);
            t = slim_conv2d(g, t, depth[i], 1, i < 5, trainable, s);
        }
    }
    return t;
}

static void estimator(vs_graph *g, vs_tensor *x0, vs_tensor *x1, vs_tensor *x2, vs_tensor *flow_fw, vs_tensor *flow_bw, bool trainable, vs_reuse reuse, const char *name, vs_tensor **net_fw, vs_tensor **net_bw)
{
    vs_tensor *cv_fw = cost_volume(g, x1, x2 ? tf_like(g, "warp", x2) : NULL);
    vs_tensor *cv_bw = cost_volume(g, x1, x0 ? tf_like(g, "warp", x0) : NULL);
    vs_tensor *cv_concat_fw = concat3(g, cv_fw, cv_bw, NULL);
    vs_tensor *cv_concat_bw = concat3(g, cv_bw, cv_fw, NULL);
    vs_tensor *flow_concat_fw = concat3(g, flow_fw, flow_bw, NULL);
    vs_tensor *flow_concat_bw = concat3(g, flow_bw, flow_fw, NULL);
    *net_fw = estimator_network(g, x1, cv_concat_fw, flow_concat_fw, trainable, reuse, name);
    *net_bw = estimator_network(g, x1, cv_concat_bw, flow_concat_bw, trainable, VS_REUSE, name);
}

static vs_tensor *context_network(vs_graph *g, vs_tensor *x, vs_tensor *flow, bool trainable, vs_reuse reuse)
{
    static const int depth[7] = {128, 128, 128, 96, 64, 32, 2};
    vs_tensor *t = concat3(g, x, flow, NULL);
    VS_VARIABLE_SCOPE(g, "context_network", .reuse = reuse) {
        for (int i = 0; i < 7; i++) {
            char s[16];
            snprintf(s, sizeof s, "dilated_conv%d", i + 1);
            t = slim_conv2d(g, t, depth[i], 1, i < 6, trainable, s);
        }
    }
    return t;
}

static vs_tensor *flow_like(vs_graph *g, vs_tensor *feature)
{
    if (!feature)
        return NULL;
    const vs_shape *s = vs_tensor_shape(feature);
    return tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(s->dims[0], s->dims[1], s->dims[2], 2));
}

static void pyramid_processing_three_frame(vs_graph *g, const features *x0, const features *x1, const features *x2, bool trainable, vs_reuse reuse, vs_tensor **refined_fw, vs_tensor **refined_bw)
{
    vs_tensor *net_fw, *net_bw;
    estimator(g, x0->conv[6][2], x1->conv[6][2], x2->conv[6][2], flow_like(g, x1->conv[6][2]), flow_like(g, x1->conv[6][2]), trainable, reuse, "estimator_level_6", &net_fw, &net_bw);
    for (int i = 0; i < 4; i++) {
        char name[24];
        int level = 5 - i;
        snprintf(name, sizeof name, "estimator_level_%d", level);
        vs_tensor *init_fw = flow_like(g, x1->conv[level][2]);
        vs_tensor *init_bw = flow_like(g, x1->conv[level][2]);
        estimator(g, x0->conv[level][2], x1->conv[level][2], x2->conv[level][2], init_fw, init_bw, trainable, reuse, name, &net_fw, &net_bw);
    }
    vs_tensor *x_feature = concat3(g, net_fw, net_bw, NULL);
    *refined_fw = context_network(g, x_feature, net_fw, trainable, reuse);
    *refined_bw = context_network(g, x_feature, net_bw, trainable, VS_REUSE);
}

static void pyramid_processing(vs_graph *g, vs_tensor *img0, vs_tensor *img1, vs_tensor *img2, bool trainable, vs_reuse reuse, vs_tensor **flow_fw, vs_tensor **flow_bw)
{
    features x0 = feature_extractor(g, img0, trainable, VS_REUSE_INHERIT, "feature_extractor");
    features x1 = feature_extractor(g, img1, trainable, VS_REUSE, "feature_extractor");
    features x2 = feature_extractor(g, img2, trainable, VS_REUSE, "feature_extractor");
    pyramid_processing_three_frame(g, &x0, &x1, &x2, trainable, reuse, flow_fw, flow_bw);
}

static vs_graph *default_graph;

/* SelFlowModel.test(restore_model, save_dir) */
static void test(void)
{
    vs_graph *g = default_graph;
    vs_tensor *batch_img0 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, -1, -1, 3), .name = "IteratorGetNext");
    vs_tensor *batch_img1 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, -1, -1, 3), .name = "IteratorGetNext");
    vs_tensor *batch_img2 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, -1, -1, 3), .name = "IteratorGetNext");
    batch_img0 = tf_like(g, "ResizeNearestNeighbor", batch_img0);
    batch_img1 = tf_like(g, "ResizeNearestNeighbor", batch_img1);
    batch_img2 = tf_like(g, "ResizeNearestNeighbor", batch_img2);
    vs_tensor *flow_fw, *flow_bw;
    pyramid_processing(g, batch_img0, batch_img1, batch_img2, false, VS_REUSE_INHERIT, &flow_fw, &flow_bw);
    (void)flow_fw, (void)flow_bw;
}

int main(void)
{
    default_graph = vs_graph_new();
    for (int run = 0; run < 2; run++)     /* the reporter's loop over model.test() */
        test();
    vs_graph_free(default_graph);
    return 0;
}
