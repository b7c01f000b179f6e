/* realworld: lanenet1_build_per_frame (failing)
 *
 * Source: https://github.com/MaybeShewill-CV/lanenet-lane-detection/issues/1
 *   (TF 1.8); code: lanenet_model/lanenet_merge_model.py,
 *   encoder_decoder_model/vgg_encoder.py and cnn_basenet.py,
 *   tools/test_lanenet.py at commit 6998985 (2018-05-30).
 * TF raised (quoted from the report):
 *   ValueError: Variable lanenet_loss/inference/encode/conv1_1/conv/W
 *   already exists, disallowed. Did you mean to set reuse=True or
 *   reuse=tf.AUTO_REUSE in VarScope? Originally defined at:
 *     File ".../cnn_basenet.py", line 71, in conv2d
 *       w = tf.get_variable('W', filter_shape, initializer=w_init)
 *     File ".../vgg_encoder.py", line 55, in _conv_stage
 *     File ".../vgg_encoder.py", line 95, in encode
 *   and the cause, in the reporter's words: "I change the code for running
 *   video. forget to put net in outside loop."
 * Original Python (test_lanenet.py, which the reporter put in a loop over
 *   the video's frames):
 *   input_tensor = tf.placeholder(dtype=tf.float32, shape=[1, 256, 512, 3], name='input_tensor')
 *   phase_tensor = tf.constant('test', tf.string)
 *   net = lanenet_merge_model.LaneNet(phase=phase_tensor, net_flag='vgg')
 *   binary_seg_ret, instance_seg_ret = net.inference(input_tensor=input_tensor, name='lanenet_loss')
 *   and the model: inference -> variable_scope(name) -> _build_model(name=
 *   'inference') -> variable_scope('inference') -> encode(name='encode')
 *   -> _conv_stage(name='conv1_1') -> variable_scope('conv1_1') ->
 *   conv2d(name='conv') -> variable_scope('conv') -> get_variable('W');
 *   layerbn: tf.cond(is_training, f1, f2), f1 = batch_norm(scope=name,
 *   reuse=False), f2 = batch_norm(scope=name, reuse=True).
 * Why: the graph is built again for every frame in one default graph.
 * Library calls: variable scopes by string, vs_get_variable,
 *   tfc_batch_norm (tfcontrib.h: contrib's batch_norm, center=True,
 *   updates_collections=None: beta, moving_mean, moving_variance); tfops.h
 *   for conv2d, pooling, relu's stand-ins.
 * Translation: contrib's variance_scaling_initializer() default (factor 2,
 *   FAN_IN, truncated normal) is vs_init_he_normal.  Three frames; the encoder is cut to its first stage
 *   (conv1_1, conv1_2, pool1); the decoder, pix_embedding and the session
 *   come after the failure.  Both branches of tf.cond are built, as TF
 *   builds both functions.
 */
#include <stdbool.h>

#include "tfcontrib.h"
#include "tfops.h"

typedef struct LaneNet {
    vs_tensor *phase;
} LaneNet;

/* cnn_basenet.conv2d(inputdata, out_channel, kernel_size, use_bias=False, name) */
static vs_tensor *conv2d(vs_graph *g, vs_tensor *inputdata, int out_channel, int kernel_size, const char *name)
{
    vs_tensor *ret = NULL;
    if (!inputdata)
        return NULL;
    VS_VARIABLE_SCOPE(g, name) {
        int64_t in_channel = vs_tensor_shape(inputdata)->dims[3];
        vs_var *w = vs_get_variable(g, "W", .shape = VS_SHAPE(kernel_size, kernel_size, in_channel, out_channel), .initializer = vs_init_he_normal()); // expect: duplicate-variable
        ret = w ? tf_like(g, "Identity", tf_conv2d(g, inputdata, w, 1, 1)) : NULL;
    }
    return ret;
}

/* cnn_basenet.layerbn: tf.cond(is_training, f1, f2) */
static vs_tensor *layerbn(vs_graph *g, vs_tensor *inputdata, const char *name)
{
    if (!inputdata)
        return NULL;
    vs_tensor *t = tfc_batch_norm(g, inputdata, .no_updates_collections = true, .scope = name, .reuse = VS_REUSE_INHERIT);
    vs_tensor *f = tfc_batch_norm(g, inputdata, .not_training = true, .no_updates_collections = true, .scope = name, .reuse = VS_REUSE);
    (void)f;
    return t;
}

static vs_tensor *conv_stage(vs_graph *g, vs_tensor *input_tensor, int k_size, int out_dims, const char *name)
{
    vs_tensor *relu = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_tensor *conv = conv2d(g, input_tensor, out_dims, k_size, "conv");
        vs_tensor *bn = layerbn(g, conv, "bn");
        relu = bn ? tf_like(g, "relu", bn) : NULL;
    }
    return relu;
}

static vs_tensor *encode(vs_graph *g, vs_tensor *input_tensor, const char *name)
{
    vs_tensor *pool1 = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_tensor *conv_1_1 = conv_stage(g, input_tensor, 3, 64, "conv1_1");
        vs_tensor *conv_1_2 = conv_stage(g, conv_1_1, 3, 64, "conv1_2");
        pool1 = tf_pool(g, "pool1", conv_1_2, 2, 2, 1);
    }
    return pool1;
}

static vs_tensor *inference(vs_graph *g, LaneNet *net, vs_tensor *input_tensor, const char *name)
{
    vs_tensor *ret = NULL;
    (void)net;
    VS_VARIABLE_SCOPE(g, name) {
        VS_VARIABLE_SCOPE(g, "inference") {    /* _build_model */
            ret = encode(g, input_tensor, "encode");
        }
    }
    return ret;
}

static void test_frame(vs_graph *g)
{
    vs_tensor *input_tensor = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, 256, 512, 3), .name = "input_tensor");
    LaneNet net = {vs_placeholder(g, VS_BOOL, VS_SCALAR, .name = "Equal")};   /* tf.equal(phase, "train") */
    vs_tensor *ret = inference(g, &net, input_tensor, "lanenet_loss");
    (void)ret;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int frame = 0; frame < 3; frame++)
        test_frame(g);
    vs_graph_free(g);
    return 0;
}
