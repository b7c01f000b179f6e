/* realworld: jonbruner_gan_adam_leak (fixed)
 *
 * Source: https://github.com/jonbruner/generative-adversarial-networks/issues/1
 *   (see the failing program's header).
 * Fix (the author's commits ec7d59e..b3e0392 of 2017-06-07, "Fix variable
 *   scoping for v1.1.0"): discriminator(images, reuse_variables=None) runs
 *   its body inside tf.variable_scope(tf.get_variable_scope(),
 *   reuse=reuse_variables), a copy of the root scope that is left at the
 *   end of the call; the root scope never reuses, so the optimizers create
 *   d_w1/Adam ... at the root.  The reuse=False wrapper is removed.  After
 *   the optimizers the script turns reuse on for good and builds the
 *   generator once more for TensorBoard, sharing every variable (g_w1.., the
 *   bn1/ .. bn3/ variables).
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

static vs_tensor *discriminator_body(vs_graph *g, vs_tensor *images)
{
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

static vs_tensor *discriminator(vs_graph *g, vs_tensor *images, bool reuse_variables)
{
    vs_tensor *d4 = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = reuse_variables ? VS_REUSE : VS_REUSE_INHERIT) {
        d4 = discriminator_body(g, images);
    }
    return d4;
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

    vs_op *d_trainer_fake = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0003), d_loss_fake, .var_list = &d_vars);
    vs_op *d_trainer_real = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0003), d_loss_real, .var_list = &d_vars);
    vs_op *g_trainer = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0001), g_loss, .var_list = &g_vars);
    (void)d_trainer_fake, (void)d_trainer_real, (void)g_trainer;

    /* From this point forward, reuse variables */
    vs_reuse_variables(vs_get_variable_scope(g));
    vs_tensor *images_for_tensorboard = generator(g, z_placeholder, batch_size, z_dimensions);
    (void)images_for_tensorboard;
    vs_graph_free(g);
    return 0;
}
