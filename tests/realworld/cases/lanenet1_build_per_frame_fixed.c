/* realworld: lanenet1_build_per_frame (fixed)
 *
 * Source: https://github.com/MaybeShewill-CV/lanenet-lane-detection/issues/1
 * Fix (the reporter's: "put net in outside loop"): the placeholder, the
 *   net and inference() are built once before the loop over the frames;
 *   the loop only runs the session on each frame (left out).
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
        vs_var *w = vs_get_variable(g, "W", .shape = VS_SHAPE(kernel_size, kernel_size, in_channel, out_channel), .initializer = vs_init_he_normal());
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

static void test_frame(vs_graph *g)   /* the graph, built once */
{
    vs_tensor *input_tensor = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, 256, 512, 3), .name = "input_tensor");
    LaneNet net = {vs_placeholder(g, VS_BOOL, VS_SCALAR, .name = "Equal")};   /* tf.equal(phase, "train") */
    vs_tensor *ret = inference(g, &net, input_tensor, "lanenet_loss");
    (void)ret;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    test_frame(g);                        /* built once */
    for (int frame = 0; frame < 3; frame++)
        ;                                 /* sess.run(...) per frame */
    vs_graph_free(g);
    return 0;
}
