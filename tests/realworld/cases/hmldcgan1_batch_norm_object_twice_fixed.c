/* realworld: hmldcgan1_batch_norm_object_twice (fixed)
 *
 * Source: https://github.com/HyeongminLEE/Tensorflow_DCGAN/issues/1 (see
 *   the failing program's header).
 * Fix: the repository's commit dcc8d26 ("Updated Tensroflow Version to
 *   1.4.0"; the maintainer: "Thank you. I reflected that."): the batch
 *   norm object calls contrib's batch_norm with reuse=tf.AUTO_REUSE, so
 *   the discriminator's second call shares D_bn2 .. D_bn4.
 */
#include <stdbool.h>

#include "tfcontrib.h"
#include "tfops.h"

enum { batch_size = 64, dim_z = 100, dim_W1 = 1024, dim_W2 = 512, dim_W3 = 256, dim_W4 = 128, dim_W5 = 3 };

typedef struct batch_norm {
    double epsilon, momentum;
    const char *name;
} batch_norm;

static batch_norm batch_norm_new(vs_graph *g, const char *name)
{
    VS_VARIABLE_SCOPE(g, name) {
    }
    return (batch_norm){1e-5, 0.9, name};
}

/* batch_norm.__call__ */
static vs_tensor *batch_norm_call(vs_graph *g, const batch_norm *bn, vs_tensor *x, bool train)
{
    return tfc_batch_norm(g, x, .decay = bn->momentum, .no_updates_collections = true, .epsilon = bn->epsilon, .scale = true, .not_training = !train, .scope = bn->name, .reuse = VS_AUTO_REUSE);
}

static vs_tensor *lrelu(vs_graph *g, vs_tensor *x)
{
    return tfg_like(g, "add", x);
}

typedef struct dcgan {
    vs_var *G_W[6], *D_W[6];
    batch_norm G_bn[5], D_bn[5];
    vs_var *gen_params[5], *discrim_params[5];
    vs_tensor *Z, *image_real, *discrim_cost, *gen_cost;
    vs_op *train_op_discrim, *train_op_gen;
} dcgan;

static vs_var *truncated_normal_var(vs_graph *g, const vs_shape *shape, const char *name)
{
    return vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32, shape), .name = name);
}

static vs_tensor *deconv(vs_graph *g, vs_tensor *x, vs_var *w, int size, int channels)
{
    if (!x)
        return NULL;
    vs_tensor *ins[2] = {x, vs_value(w)};
    return tf_op(g, "conv2d_transpose", ins, 2, VS_FLOAT32, VS_SHAPE(batch_size, size, size, channels));
}

static vs_tensor *generate(vs_graph *g, dcgan *m, vs_tensor *Z)
{
    vs_tensor *h1 = tfg_reshape(g, Z, VS_SHAPE(batch_size, 1, 1, dim_z));
    h1 = vs_relu(g, batch_norm_call(g, &m->G_bn[1], deconv(g, h1, m->G_W[1], 4, dim_W1), true));
    vs_tensor *h2 = vs_relu(g, batch_norm_call(g, &m->G_bn[2], deconv(g, h1, m->G_W[2], 8, dim_W2), true));
    vs_tensor *h3 = vs_relu(g, batch_norm_call(g, &m->G_bn[3], deconv(g, h2, m->G_W[3], 16, dim_W3), true));
    vs_tensor *h4 = vs_relu(g, batch_norm_call(g, &m->G_bn[4], deconv(g, h3, m->G_W[4], 32, dim_W4), true));
    vs_tensor *h5 = deconv(g, h4, m->G_W[5], 64, dim_W5);
    return h5 ? vs_tanh(g, h5) : NULL;
}

static vs_tensor *discriminate(vs_graph *g, dcgan *m, vs_tensor *image)
{
    vs_tensor *h1 = lrelu(g, tfg_conv2d(g, image, m->D_W[1], 2, 1));
    vs_tensor *h2 = lrelu(g, batch_norm_call(g, &m->D_bn[2], tfg_conv2d(g, h1, m->D_W[2], 2, 1), true));
    vs_tensor *h3 = lrelu(g, batch_norm_call(g, &m->D_bn[3], tfg_conv2d(g, h2, m->D_W[3], 2, 1), true));
    vs_tensor *h4 = lrelu(g, batch_norm_call(g, &m->D_bn[4], tfg_conv2d(g, h3, m->D_W[4], 2, 1), true));
    vs_tensor *h5 = lrelu(g, tfg_conv2d(g, h4, m->D_W[5], 4, 1));
    h5 = tfg_reshape(g, h5, VS_SHAPE(batch_size, 1));
    return h5 ? vs_sigmoid(g, h5) : NULL;
}

static void build_model(vs_graph *g, dcgan *m)
{
    m->Z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, dim_z));
    m->image_real = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, 64, 64, 3));
    vs_tensor *image_gen = generate(g, m, m->Z);
    vs_tensor *d_real = discriminate(g, m, m->image_real);
    vs_tensor *d_gen = discriminate(g, m, image_gen);
    if (!d_real || !d_gen)
        return;
    m->discrim_cost = vs_add(g, tfg_loss(g, "log", d_real, NULL), tfg_loss(g, "log", d_gen, NULL));
    m->gen_cost = tfg_loss(g, "log", d_gen, NULL);
    vs_var_list discrim_params = {5, m->discrim_params};
    vs_var_list gen_params = {5, m->gen_params};
    m->train_op_discrim = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0002, .beta1 = 0.5), m->discrim_cost, .var_list = &discrim_params);
    m->train_op_gen = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0002, .beta1 = 0.5), m->gen_cost, .var_list = &gen_params);
}

static void dcgan_init(vs_graph *g, dcgan *m)
{
    static const int dims[6] = {dim_z, dim_W1, dim_W2, dim_W3, dim_W4, dim_W5};
    static const char *const gw[6] = {"", "G_W1", "G_W2", "G_W3", "G_W4", "G_W5"};
    static const char *const gbn[5] = {"", "G_bn1", "G_bn2", "G_bn3", "G_bn4"};
    static const char *const dw[6] = {"", "D_W1", "D_W2", "D_W3", "D_W4", "D_W5"};
    static const char *const dbn[5] = {"", "", "D_bn2", "D_bn3", "D_bn4"};
    for (int i = 1; i <= 5; i++) {
        m->G_W[i] = truncated_normal_var(g, VS_SHAPE(4, 4, dims[i], dims[i - 1]), gw[i]);
        if (i <= 4)
            m->G_bn[i] = batch_norm_new(g, gbn[i]);
    }
    /* D_W1 [4, 4, dim_W5, dim_W4], ..., D_W5 [4, 4, dim_W1, 1] */
    for (int i = 1; i <= 5; i++) {
        int in = dims[6 - i], out = i < 5 ? dims[5 - i] : 1;
        m->D_W[i] = truncated_normal_var(g, VS_SHAPE(4, 4, in, out), dw[i]);
        if (i >= 2 && i <= 4)
            m->D_bn[i] = batch_norm_new(g, dbn[i]);
    }
    for (int i = 0; i < 5; i++) {
        m->gen_params[i] = m->G_W[i + 1];
        m->discrim_params[i] = m->D_W[i + 1];
    }
    build_model(g, m);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    dcgan model;
    dcgan_init(g, &model);                /* DCGAN(sess, batch_size) */
    vs_graph_free(g);
    return 0;
}
