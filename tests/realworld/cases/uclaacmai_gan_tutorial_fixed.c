/* realworld: uclaacmai_gan_tutorial (fixed)
 *
 * Source: https://github.com/uclaacmai/Generative-Adversarial-Network-Tutorial/pull/3
 *   (see the failing program's header).
 * Fix: pull request #7 there (commit 3307a5b): discriminator and generator
 *   each open their own variable scope ('discriminator', 'generator') and
 *   switch on reuse there, so the root scope never reuses; the optimizers
 *   are one AdamOptimizer minimizing twice, without the wrapper.  And pull
 *   request #11 (issue #8 there): the last cell samples with
 *   generator(..., reuse=True) (without it the generator's variables
 *   already exist).
 */
#include <string.h>

#include "tfcontrib.h"
#include "tfops.h"

#define MAXV 64

typedef struct var_list {
    size_t n;
    vs_var *v[MAXV];
} var_list;

static vs_var *tn(vs_graph *g, const char *name, const vs_shape *shape, double stddev)
{
    return vs_get_variable(g, name, .shape = shape, .initializer = vs_init_truncated_normal(0, stddev));
}

static vs_var *cst(vs_graph *g, const char *name, const vs_shape *shape, double c)
{
    return vs_get_variable(g, name, .shape = shape, .initializer = vs_init_constant(c));
}

static vs_tensor *discriminator_body(vs_graph *g, vs_tensor *x_image)
{
    vs_var *W_conv1 = tn(g, "d_wconv1", VS_SHAPE(5, 5, 1, 8), 0.02);
    vs_var *b_conv1 = cst(g, "d_bconv1", VS_SHAPE(8), 0);
    vs_tensor *h_conv1 = vs_relu(g, vs_bias_add(g, tfg_conv2d(g, x_image, W_conv1, 1, 1), vs_value(b_conv1)));
    vs_tensor *h_pool1 = tfg_pool(g, "AvgPool", h_conv1, 2, 2, 1);

    vs_var *W_conv2 = tn(g, "d_wconv2", VS_SHAPE(5, 5, 8, 16), 0.02);
    vs_var *b_conv2 = cst(g, "d_bconv2", VS_SHAPE(16), 0);
    vs_tensor *h_conv2 = vs_relu(g, vs_bias_add(g, tfg_conv2d(g, h_pool1, W_conv2, 1, 1), vs_value(b_conv2)));
    vs_tensor *h_pool2 = tfg_pool(g, "AvgPool", h_conv2, 2, 2, 1);

    vs_var *W_fc1 = tn(g, "d_wfc1", VS_SHAPE(7 * 7 * 16, 32), 0.02);
    vs_var *b_fc1 = cst(g, "d_bfc1", VS_SHAPE(32), 0);
    vs_tensor *h_pool2_flat = tfg_reshape(g, h_pool2, VS_SHAPE(-1, 7 * 7 * 16));
    vs_tensor *h_fc1 = vs_relu(g, vs_bias_add(g, vs_matmul(g, h_pool2_flat, vs_value(W_fc1)), vs_value(b_fc1)));

    vs_var *W_fc2 = tn(g, "d_wfc2", VS_SHAPE(32, 1), 0.02);
    vs_var *b_fc2 = cst(g, "d_bfc2", VS_SHAPE(1), 0);
    return vs_bias_add(g, vs_matmul(g, h_fc1, vs_value(W_fc2)), vs_value(b_fc2));
}

static vs_tensor *deconv(vs_graph *g, vs_tensor *x, const char *wname, const char *bname, const vs_shape *out)
{
    vs_var *W = tn(g, wname, VS_SHAPE(5, 5, out->dims[3], x ? vs_tensor_shape(x)->dims[3] : 1), 0.1);
    vs_var *b = cst(g, bname, VS_SHAPE(out->dims[3]), 0.1);
    vs_tensor *ins[2] = {x, W ? vs_value(W) : NULL};
    vs_tensor *h = x && W ? tf_op(g, "conv2d_transpose", ins, 2, VS_FLOAT32, out) : NULL;
    return b && h ? vs_add(g, h, vs_value(b)) : NULL;
}

static vs_tensor *generator_body(vs_graph *g, vs_tensor *z, int batch_size)
{
    int g_dim = 64, c_dim = 1, s = 28;
    int s2 = s / 2, s4 = s / 4, s8 = s / 8, s16 = s / 16;
    vs_tensor *h0 = tfg_reshape(g, z, VS_SHAPE(batch_size, s16 + 1, s16 + 1, 25));
    h0 = vs_relu(g, h0);
    vs_tensor *H_conv1 = deconv(g, h0, "g_wconv1", "g_bconv1", VS_SHAPE(batch_size, s8, s8, g_dim * 4));
    H_conv1 = vs_relu(g, tfc_batch_norm(g, H_conv1, .scale = true, .scope = "g_bn1"));
    vs_tensor *H_conv2 = deconv(g, H_conv1, "g_wconv2", "g_bconv2", VS_SHAPE(batch_size, s4 - 1, s4 - 1, g_dim * 2));
    H_conv2 = vs_relu(g, tfc_batch_norm(g, H_conv2, .scale = true, .scope = "g_bn2"));
    vs_tensor *H_conv3 = deconv(g, H_conv2, "g_wconv3", "g_bconv3", VS_SHAPE(batch_size, s2 - 2, s2 - 2, g_dim * 1));
    H_conv3 = vs_relu(g, tfc_batch_norm(g, H_conv3, .scale = true, .scope = "g_bn3"));
    vs_tensor *H_conv4 = deconv(g, H_conv3, "g_wconv4", "g_bconv4", VS_SHAPE(batch_size, s, s, c_dim));
    return vs_tanh(g, H_conv4);
}

static vs_tensor *discriminator(vs_graph *g, vs_tensor *x_image, bool reuse)
{
    vs_tensor *y = NULL;
    VS_VARIABLE_SCOPE(g, "discriminator") {
        if (reuse)
            vs_reuse_variables(vs_get_variable_scope(g));
        y = discriminator_body(g, x_image);
    }
    return y;
}

static vs_tensor *generator(vs_graph *g, vs_tensor *z, int batch_size, bool reuse)
{
    vs_tensor *x = NULL;
    VS_VARIABLE_SCOPE(g, "generator") {
        if (reuse)
            vs_reuse_variables(vs_get_variable_scope(g));
        x = generator_body(g, z, batch_size);
    }
    return x;
}

static vs_var_list filter(const vs_var_list *tvars, const char *key, var_list *out)
{
    out->n = 0;
    for (size_t i = 0; tvars && i < tvars->len && out->n < MAXV; i++)
        if (strstr(vs_var_name(tvars->vars[i]), key))
            out->v[out->n++] = tvars->vars[i];
    return (vs_var_list){out->n, out->v};
}

int main(void)
{
    int z_dimensions = 100;
    vs_graph *g = vs_graph_new();
    /* cell 37 */
    vs_tensor *z_test_placeholder = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, z_dimensions));
    vs_tensor *sample_image = generator(g, z_test_placeholder, 1, false);
    (void)sample_image;
    /* cell 44 */
    int batch_size = 16;
    vs_graph_free(g); /* tf.reset_default_graph() */
    g = vs_graph_new();
    vs_tensor *x_placeholder = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 28, 28, 1));
    vs_tensor *z_placeholder = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, z_dimensions));
    /* cell 46 */
    vs_tensor *Dx = discriminator(g, x_placeholder, false);
    vs_tensor *Gz = generator(g, z_placeholder, batch_size, false);
    vs_tensor *Dg = discriminator(g, Gz, true);
    /* cells 48-53 */
    vs_tensor *g_loss = tfg_loss(g, "Mean", Dg, NULL);
    vs_tensor *d_loss = vs_add(g, tfg_loss(g, "Mean", Dx, NULL), tfg_loss(g, "Mean", Dg, NULL));
    const vs_var_list *tvars = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    var_list dv, gv;
    vs_var_list d_vars = filter(tvars, "d_", &dv);
    vs_var_list g_vars = filter(tvars, "g_", &gv);
    /* cell 55 */
    vs_optimizer *adam = vs_adam_optimizer(g);
    vs_op *trainerD = vs_minimize(g, adam, d_loss, .var_list = &d_vars);
    vs_op *trainerG = vs_minimize(g, adam, g_loss, .var_list = &g_vars);
    (void)trainerD, (void)trainerG;
    /* cell 61 */
    sample_image = generator(g, z_placeholder, 1, true);
    vs_graph_free(g);
    return 0;
}
