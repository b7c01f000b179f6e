/* realworld: cyclegan64_spyder_rerun (fixed)
 *
 * Source: https://github.com/xiaowei-hu/CycleGAN-tensorflow/issues/64
 * Fix (the reporter's: "solved with restart kernel"; in the program, a
 *   fresh default graph for the second run, as tf.reset_default_graph()
 *   at the top of main() gives it).
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
            vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(ks, ks, in_ch, output_dim), .initializer = vs_init_truncated_normal(0, 0.02));
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
    vs_graph_free(default_graph);         /* tf.reset_default_graph() */
    default_graph = vs_graph_new();
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
