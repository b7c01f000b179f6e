/* realworld: jonbruner_gan_adam_leak (failing)
 *
 * Source: https://github.com/jonbruner/generative-adversarial-networks/issues/1
 *   (gan-script.py of commit 27e998e, the O'Reilly GAN tutorial; excerpt
 *   beside this file: jonbruner_gan_adam_leak.py).
 * TF raised (quoted from the report; gan-script.py line 131):
 *   ValueError: Variable d_w1/Adam/ does not exist, or was not created with
 *   tf.get_variable(). Did you mean to set reuse=None in VarScope?
 * Why: discriminator(Gz, reuse=True) calls reuse_variables() on the root
 *   variable scope itself, so reuse stays on for the rest of the program.
 *   The optimizers' slots (d_w1/Adam ...) are created with get_variable
 *   under the root scope and must then already exist.  The wrapper
 *   tf.variable_scope(tf.get_variable_scope(), reuse=False) does not help:
 *   re-entering a scope object takes its reuse (True) and reuse=False means
 *   "inherit" (variable_scope.py, _pure_variable_scope).  The same program
 *   failed the same way with the same ineffective wrapper in
 *   https://github.com/uclaacmai/Generative-Adversarial-Network-Tutorial/pull/3
 *   (see its issue #5).
 * Library calls: tfc_batch_norm (tfcontrib.h),
 *   the gradient-keeping stand-ins of tfops.h (so that conv2d, reshape and the
 *   losses keep the gradient path to d_w1), vs_get_collection,
 *   vs_adam_optimizer, vs_minimize(.var_list), vs_bias_add.
 * Translation: z_dimensions 100, images [None, 28, 28, 1] as in the
 *   script; z_dim/2 and z_dim/4 are 50 and 25.  tf.image.resize_images to
 *   [56, 56] is an opaque op; the losses are opaque ops of the logits.
 *   The list comprehensions over trainable_variables() become filters on
 *   the names.  The first minimize() fails on its first variable, d_w1.
 */
#include <string.h>

#include "tfcontrib.h"
#include "tfops.h"

#define MAXV 64

typedef struct var_list {
    size_t n;
    vs_var *v[MAXV];
} var_list;

static vs_var *tn(vs_graph *g, const char *name, const vs_shape *shape)
{
    return vs_get_variable(g, name, .shape = shape, .initializer = vs_init_truncated_normal(0, 0.02));
}

static vs_var *zeros(vs_graph *g, const char *name, const vs_shape *shape)
{
    return vs_get_variable(g, name, .shape = shape, .initializer = vs_init_constant(0));
}

static vs_tensor *discriminator(vs_graph *g, vs_tensor *images, bool reuse)
{
    if (reuse)
        vs_reuse_variables(vs_get_variable_scope(g));

    vs_var *d_w1 = tn(g, "d_w1", VS_SHAPE(5, 5, 1, 32));
    vs_var *d_b1 = zeros(g, "d_b1", VS_SHAPE(32));
    vs_tensor *d1 = tfg_conv2d(g, images, d_w1, 1, 1);
    d1 = vs_bias_add(g, d1, vs_value(d_b1));
    d1 = vs_relu(g, d1);
    d1 = tfg_pool(g, "AvgPool", d1, 2, 2, 1);

    vs_var *d_w2 = tn(g, "d_w2", VS_SHAPE(5, 5, 32, 64));
    vs_var *d_b2 = zeros(g, "d_b2", VS_SHAPE(64));
    vs_tensor *d2 = tfg_conv2d(g, d1, d_w2, 1, 1);
    d2 = vs_bias_add(g, d2, vs_value(d_b2));
    d2 = vs_relu(g, d2);
    d2 = tfg_pool(g, "AvgPool", d2, 2, 2, 1);

    vs_var *d_w3 = tn(g, "d_w3", VS_SHAPE(7 * 7 * 64, 1024));
    vs_var *d_b3 = zeros(g, "d_b3", VS_SHAPE(1024));
    vs_tensor *d3 = tfg_reshape(g, d2, VS_SHAPE(-1, 7 * 7 * 64));
    d3 = vs_matmul(g, d3, vs_value(d_w3));
    d3 = vs_bias_add(g, d3, vs_value(d_b3));
    d3 = vs_relu(g, d3);

    vs_var *d_w4 = tn(g, "d_w4", VS_SHAPE(1024, 1));
    vs_var *d_b4 = zeros(g, "d_b4", VS_SHAPE(1));
    return vs_bias_add(g, vs_matmul(g, d3, vs_value(d_w4)), vs_value(d_b4));
}

static vs_tensor *generator(vs_graph *g, vs_tensor *z, int batch_size, int z_dim)
{
    (void)batch_size;
    vs_var *g_w1 = tn(g, "g_w1", VS_SHAPE(z_dim, 3136));
    vs_var *g_b1 = tn(g, "g_b1", VS_SHAPE(3136));
    vs_tensor *g1 = vs_bias_add(g, vs_matmul(g, z, vs_value(g_w1)), vs_value(g_b1));
    g1 = tfg_reshape(g, g1, VS_SHAPE(-1, 56, 56, 1));
    g1 = tfc_batch_norm(g, g1, .epsilon = 1e-5, .scope = "bn1");
    g1 = vs_relu(g, g1);

    vs_var *g_w2 = tn(g, "g_w2", VS_SHAPE(3, 3, 1, z_dim / 2));
    vs_var *g_b2 = tn(g, "g_b2", VS_SHAPE(z_dim / 2));
    vs_tensor *g2 = tfg_conv2d(g, g1, g_w2, 2, 1);
    g2 = vs_bias_add(g, g2, vs_value(g_b2));
    g2 = tfc_batch_norm(g, g2, .epsilon = 1e-5, .scope = "bn2");
    g2 = vs_relu(g, g2);
    g2 = tfg_reshape(g, g2, VS_SHAPE(-1, 56, 56, z_dim / 2)); /* resize_images */

    vs_var *g_w3 = tn(g, "g_w3", VS_SHAPE(3, 3, z_dim / 2, z_dim / 4));
    vs_var *g_b3 = tn(g, "g_b3", VS_SHAPE(z_dim / 4));
    vs_tensor *g3 = tfg_conv2d(g, g2, g_w3, 2, 1);
    g3 = vs_bias_add(g, g3, vs_value(g_b3));
    g3 = tfc_batch_norm(g, g3, .epsilon = 1e-5, .scope = "bn3");
    g3 = vs_relu(g, g3);
    g3 = tfg_reshape(g, g3, VS_SHAPE(-1, 56, 56, z_dim / 4)); /* resize_images */

    vs_var *g_w4 = tn(g, "g_w4", VS_SHAPE(1, 1, z_dim / 4, 1));
    vs_var *g_b4 = tn(g, "g_b4", VS_SHAPE(1));
    vs_tensor *g4 = tfg_conv2d(g, g3, g_w4, 2, 1);
    g4 = vs_bias_add(g, g4, vs_value(g_b4));
    return vs_sigmoid(g, g4);
}

/* [var for var in tvars if key in var.name] */
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
    vs_graph *g = vs_graph_new();
    int z_dimensions = 100, batch_size = 50;
    vs_tensor *z_placeholder = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, z_dimensions), .name = "z_placeholder");
    vs_tensor *x_placeholder = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 28, 28, 1), .name = "x_placeholder");

    vs_tensor *Gz = generator(g, z_placeholder, batch_size, z_dimensions);
    vs_tensor *Dx = discriminator(g, x_placeholder, false);
    vs_tensor *Dg = discriminator(g, Gz, true);

    vs_tensor *d_loss_real = tfg_loss(g, "Mean", Dx, NULL);
    vs_tensor *d_loss_fake = tfg_loss(g, "Mean", Dg, NULL);
    vs_tensor *g_loss = tfg_loss(g, "Mean", Dg, NULL);

    const vs_var_list *tvars = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    var_list dv, gv;
    vs_var_list d_vars = filter(tvars, "d_", &dv);
    vs_var_list g_vars = filter(tvars, "g_", &gv);

    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = VS_REUSE_INHERIT) {
        vs_op *d_trainer_fake = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0003), d_loss_fake, .var_list = &d_vars); // expect: missing-variable
        vs_op *d_trainer_real = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0003), d_loss_real, .var_list = &d_vars);
        vs_op *g_trainer = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0001), g_loss, .var_list = &g_vars);
        (void)d_trainer_fake, (void)d_trainer_real, (void)g_trainer;
    }
    vs_graph_free(g);
    return 0;
}
