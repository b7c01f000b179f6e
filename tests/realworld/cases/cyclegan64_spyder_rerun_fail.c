/* realworld: cyclegan64_spyder_rerun (failing)
 *
 * Source: https://github.com/xiaowei-hu/CycleGAN-tensorflow/issues/64;
 *   code: module.py, ops.py, model.py, main.py at commit bd19873.
 * TF raised (quoted from the report):
 *   Variable generatorA2B/g_e1_c/Conv/weights already exists, disallowed.
 *   Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 *   Originally defined at: ...
 *   ("I run the code if even training doesn't start for the second run
 *   (for example after solving some errors) I get this error"; "I have
 *   solved with restart kernel")
 * Original Python (module.py and ops.py, trimmed):
 *   def generator_resnet(image, options, reuse=False, name="generator"):
 *       with tf.variable_scope(name):
 *           if reuse: tf.get_variable_scope().reuse_variables()
 *           else: assert tf.get_variable_scope().reuse is False
 *           c0 = tf.pad(image, [[0, 0], [3, 3], [3, 3], [0, 0]], "REFLECT")
 *           c1 = tf.nn.relu(instance_norm(conv2d(c0, options.gf_dim, 7, 1, padding='VALID', name='g_e1_c'), 'g_e1_bn'))
 *           c2 = ... 'g_e2_c' ... c3 = ... 'g_e3_c' ...
 *   def conv2d(input_, output_dim, ks=4, s=2, stddev=0.02, padding='SAME', name="conv2d"):
 *       with tf.variable_scope(name):
 *           return slim.conv2d(input_, output_dim, ks, s, padding=padding, activation_fn=None,
 *                   weights_initializer=tf.truncated_normal_initializer(stddev=stddev),
 *                   biases_initializer=None)
 *   def instance_norm(input, name="instance_norm"):
 *       with tf.variable_scope(name):
 *           scale = tf.get_variable("scale", [depth], ...)
 *           offset = tf.get_variable("offset", [depth], ...)
 *   model.py: self.fake_B = self.generator(self.real_A, self.options, False, name="generatorA2B")
 * Why: main.py was run a second time in the same (Spyder/IPython) kernel:
 *   the default graph still holds the first run's generator.
 * Library calls: variable scopes by string and by default name ("Conv":
 *   slim.conv2d's, contrib/layers/python/layers/layers.py, convolution),
 *   vs_get_variable + vs_add_to_collection (slim's weights, no biases),
 *   vs_get_variable (instance_norm), vs_relu; tfops.h for pad, conv2d and
 *   the normalization arithmetic.
 * Translation: main.py's defaults (image_size 256, 3 + 3 channels,
 *   gf_dim 64, resnet generator); the run is cut after the generator's
 *   first three convolutions: the second run fails at its first.
 */
#include "tfops.h"

static vs_graph *default_graph;

static vs_tensor *instance_norm(vs_graph *g, vs_tensor *input, const char *name)
{
    vs_tensor *out = NULL;
    if (!input)
        return NULL;
    VS_VARIABLE_SCOPE(g, name) {
        int64_t depth = vs_tensor_shape(input)->dims[3];
        vs_var *scale = vs_get_variable(g, "scale", .shape = VS_SHAPE(depth), .initializer = vs_init_random_normal(1.0, 0.02));
        vs_var *offset = vs_get_variable(g, "offset", .shape = VS_SHAPE(depth), .initializer = vs_init_constant(0.0));
        vs_tensor *ins[3] = {input, vs_value(scale), vs_value(offset)};
        out = tf_op(g, "instance_norm", ins, 3, VS_FLOAT32, vs_tensor_shape(input));
    }
    return out;
}

static vs_tensor *conv2d(vs_graph *g, vs_tensor *input_, int output_dim, int ks, int s, int same, const char *name)
{
    vs_tensor *out = NULL;
    if (!input_)
        return NULL;
    VS_VARIABLE_SCOPE(g, name) {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "Conv") {     /* slim.conv2d */
            int64_t in_ch = vs_tensor_shape(input_)->dims[3];
            vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(ks, ks, in_ch, output_dim), .initializer = vs_init_truncated_normal(0, 0.02)); // expect: duplicate-variable
            if (weights) {
                vs_add_to_collection(g, VS_MODEL_VARIABLES, weights);
                out = tf_conv2d(g, input_, weights, s, same);
            }
        }
    }
    return out;
}

static vs_tensor *generator_resnet(vs_graph *g, vs_tensor *image, int gf_dim, int reuse, const char *name)
{
    vs_tensor *c3 = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, name) {
        if (reuse)
            vs_reuse_variables(scope);
        const vs_shape *s = vs_tensor_shape(image);
        vs_tensor *in[1] = {image};
        vs_tensor *c0 = tf_op(g, "MirrorPad", in, 1, VS_FLOAT32, VS_SHAPE(s->dims[0], s->dims[1] + 6, s->dims[2] + 6, s->dims[3]));
        vs_tensor *c1 = vs_relu(g, instance_norm(g, conv2d(g, c0, gf_dim, 7, 1, 0, "g_e1_c"), "g_e1_bn"));
        vs_tensor *c2 = vs_relu(g, instance_norm(g, conv2d(g, c1, gf_dim * 2, 3, 2, 1, "g_e2_c"), "g_e2_bn"));
        c3 = vs_relu(g, instance_norm(g, conv2d(g, c2, gf_dim * 4, 3, 2, 1, "g_e3_c"), "g_e3_bn"));
    }
    return c3;
}

/* main.py, run in the kernel: with tf.Session() as sess: model = cyclegan(sess, args) */
static void run_main(void)
{
    vs_graph *g = default_graph;
    vs_tensor *real_data = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 256, 256, 6), .name = "real_A_and_B_images");
    vs_tensor *in[1] = {real_data};
    vs_tensor *real_A = tf_op(g, "strided_slice", in, 1, VS_FLOAT32, VS_SHAPE(-1, 256, 256, 3));
    vs_tensor *fake_B = generator_resnet(g, real_A, 64, 0, "generatorA2B");
    (void)fake_B;
}

int main(void)
{
    default_graph = vs_graph_new();
    run_main();
    run_main();                           /* the second run in the same kernel */
    vs_graph_free(default_graph);
    return 0;
}
