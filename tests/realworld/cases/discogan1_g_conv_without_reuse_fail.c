/* realworld: discogan1_g_conv_without_reuse (failing)
 *
 * Source: https://github.com/GunhoChoi/DiscoGAN-TF/issues/1
 *   ("Error while running DiscoGAN.py"; code: DiscoGAN.py at 07434af).
 * TF raised: the report's traceback ends in variable_scope.get_variable
 *   under contrib's convolution for
 *     File "DiscoGAN.py", line 195, in <module>
 *       recon_s = generator_bs(gen_b_fake,reuse=True)
 *     File "DiscoGAN.py", line 167, in generator_bs
 *       weights_initializer=initializer,scope="g_conv1")
 *   and its message is cut off; TF's message for that call is
 *   ValueError: Variable generator_bs/g_conv1/weights already exists,
 *   disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in
 *   VarScope?
 * Original Python (trimmed; generator_sb is the same with "generator_sb"):
 *   def lrelu(x, leak=0.2, name="lrelu"):
 *       with tf.variable_scope(name):
 *           return f1 * x + f2 * abs(x)
 *   def generator_bs(image, reuse=False):
 *       with tf.variable_scope("generator_bs"):
 *           conv1 = tf.contrib.layers.conv2d(inputs=image, num_outputs=32, kernel_size=4,
 *                 stride=2, padding="SAME", reuse=reuse, activation_fn=lrelu,
 *                 weights_initializer=initializer, scope="d_conv1")
 *           conv2 = ...(conv1, 64, ..., reuse=reuse, normalizer_fn=batch_norm, scope="d_conv2")
 *           conv3 = ...(conv2, 128, ...)   conv4 = ...(conv3, 256, ...)
 *           conv_trans1 = tf.contrib.layers.conv2d(conv4, num_outputs=4*128, kernel_size=4,
 *                 stride=1, padding="SAME", activation_fn=tf.nn.relu,
 *                 normalizer_fn=tf.contrib.layers.batch_norm,
 *                 weights_initializer=initializer, scope="g_conv1")
 *           conv_trans1 = tf.reshape(conv_trans1, shape=[batch_size,8,8,128])
 *           ... g_conv2 .. g_conv4, then g_conv5 (3 outputs, no normalizer)
 *   gen_b_fake = generator_sb(batch_shoes)
 *   gen_s_fake = generator_bs(batch_bags)
 *   recon_s = generator_bs(gen_b_fake, reuse=True)
 *   recon_b = generator_sb(gen_s_fake, reuse=True)
 * Why: `reuse` is passed to the d_conv layers only.  The g_conv layers
 *   open their scope with reuse=None, which inherits the enclosing
 *   "generator_bs" scope's reuse, and that scope is entered without
 *   reuse, so the second generator_bs call creates g_conv1/weights again.
 * Library calls: vs_variable_scope_enter (block form), vs_get_variable,
 *   vs_add_to_collection; tfcontrib.h's tfc_batch_norm; tfops.h.
 * Translation: tf.contrib.layers.conv2d is written with the library's
 *   variable_scope and get_variable as contrib's convolution does
 *   (variable_scope(scope, 'Conv', reuse=reuse); weights [k, k, in, out];
 *   biases only without a normalizer; the normalizer inside that scope);
 *   the file queues are placeholders; the discriminators and the
 *   optimizers come after the failing line and are left out.
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
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(4, 4, in_ch, num_outputs), .initializer = vs_init_truncated_normal(0, 0.02)); // expect: duplicate-variable
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

        vs_tensor *conv_trans1 = contrib_conv2d(g, conv4, 4 * 128, 1, VS_REUSE_INHERIT, ACT_RELU, true, "g_conv1");
        conv_trans1 = reshape(g, conv_trans1, 8, 128);
        vs_tensor *conv_trans2 = contrib_conv2d(g, conv_trans1, 4 * 64, 1, VS_REUSE_INHERIT, ACT_RELU, true, "g_conv2");
        conv_trans2 = reshape(g, conv_trans2, 16, 64);
        vs_tensor *conv_trans3 = contrib_conv2d(g, conv_trans2, 4 * 32, 1, VS_REUSE_INHERIT, ACT_RELU, true, "g_conv3");
        conv_trans3 = reshape(g, conv_trans3, 32, 32);
        vs_tensor *conv_trans4 = contrib_conv2d(g, conv_trans3, 4 * 16, 1, VS_REUSE_INHERIT, ACT_RELU, true, "g_conv4");
        conv_trans4 = reshape(g, conv_trans4, 64, 16);
        out = contrib_conv2d(g, conv_trans4, 3, 1, VS_REUSE_INHERIT, ACT_RELU, false, "g_conv5");
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
