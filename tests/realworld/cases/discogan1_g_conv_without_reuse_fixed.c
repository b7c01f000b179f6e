/* realworld: discogan1_g_conv_without_reuse (fixed)
 *
 * Source: https://github.com/GunhoChoi/DiscoGAN-TF/issues/1 (see the
 *   failing program's header).
 * Fix (ours; the thread has none): the g_conv layers get reuse=reuse as
 *   the d_conv layers do, so the second call of each generator shares
 *   all its variables.
 */
#include <stdbool.h>

#include "tfcontrib.h"
#include "tfops.h"

enum { batch_size = 256 };

static vs_tensor *lrelu(vs_graph *g, vs_tensor *x)
{
    vs_tensor *out = NULL;
    if (!x)
        return NULL;
    VS_VARIABLE_SCOPE(g, "lrelu") {
        out = tf_like(g, "add", x);
    }
    return out;
}

typedef enum act { ACT_LRELU, ACT_RELU } act;

/* tf.contrib.layers.conv2d(inputs, num_outputs, kernel_size=4, stride,
 *     padding="SAME", reuse, activation_fn, normalizer_fn, scope) */
static vs_tensor *contrib_conv2d(vs_graph *g, vs_tensor *inputs, int num_outputs, int stride, vs_reuse reuse, act activation, bool batch_norm, const char *scope)
{
    vs_tensor *out = NULL;
    if (!inputs)
        return NULL;
    VS_VARIABLE_SCOPE(g, scope, .default_name = "Conv", .reuse = reuse) {
        int64_t in_ch = vs_tensor_shape(inputs)->dims[3];
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(4, 4, in_ch, num_outputs), .initializer = vs_init_truncated_normal(0, 0.02));
        if (weights) {
            vs_add_to_collection(g, VS_MODEL_VARIABLES, weights);
            out = tf_conv2d(g, inputs, weights, stride, 1);
            if (batch_norm) {
                out = tfc_batch_norm(g, out);
            } else {
                vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(num_outputs), .initializer = vs_init_zeros());
                if (biases)
                    vs_add_to_collection(g, VS_MODEL_VARIABLES, biases);
                out = biases ? vs_bias_add(g, out, vs_value(biases)) : NULL;
            }
            out = activation == ACT_LRELU ? lrelu(g, out) : vs_relu(g, out);
        }
    }
    return out;
}

static vs_tensor *reshape(vs_graph *g, vs_tensor *x, int h, int c)
{
    return x ? tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(batch_size, h, h, c)) : NULL;
}

static vs_tensor *generator(vs_graph *g, const char *name, vs_tensor *image, bool reuse)
{
    vs_reuse r = reuse ? VS_REUSE : VS_REUSE_INHERIT;
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_tensor *conv1 = contrib_conv2d(g, image, 32, 2, r, ACT_LRELU, false, "d_conv1");
        vs_tensor *conv2 = contrib_conv2d(g, conv1, 64, 2, r, ACT_LRELU, true, "d_conv2");
        vs_tensor *conv3 = contrib_conv2d(g, conv2, 128, 2, r, ACT_LRELU, true, "d_conv3");
        vs_tensor *conv4 = contrib_conv2d(g, conv3, 256, 2, r, ACT_LRELU, true, "d_conv4");

        vs_tensor *conv_trans1 = contrib_conv2d(g, conv4, 4 * 128, 1, r, ACT_RELU, true, "g_conv1");
        conv_trans1 = reshape(g, conv_trans1, 8, 128);
        vs_tensor *conv_trans2 = contrib_conv2d(g, conv_trans1, 4 * 64, 1, r, ACT_RELU, true, "g_conv2");
        conv_trans2 = reshape(g, conv_trans2, 16, 64);
        vs_tensor *conv_trans3 = contrib_conv2d(g, conv_trans2, 4 * 32, 1, r, ACT_RELU, true, "g_conv3");
        conv_trans3 = reshape(g, conv_trans3, 32, 32);
        vs_tensor *conv_trans4 = contrib_conv2d(g, conv_trans3, 4 * 16, 1, r, ACT_RELU, true, "g_conv4");
        conv_trans4 = reshape(g, conv_trans4, 64, 16);
        out = contrib_conv2d(g, conv_trans4, 3, 1, r, ACT_RELU, false, "g_conv5");
    }
    return out;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *batch_shoes = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, 64, 64, 3), .name = "shuffle_batch");
    vs_tensor *batch_bags = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, 64, 64, 3), .name = "shuffle_batch_1");

    vs_tensor *gen_b_fake = generator(g, "generator_sb", batch_shoes, false);
    vs_tensor *gen_s_fake = generator(g, "generator_bs", batch_bags, false);

    vs_tensor *recon_s = generator(g, "generator_bs", gen_b_fake, true);
    vs_tensor *recon_b = generator(g, "generator_sb", gen_s_fake, true);
    (void)recon_s, (void)recon_b;
    vs_graph_free(g);
    return 0;
}
