/* realworld: scgen11_vae_loop (fixed)
 *
 * Source: https://github.com/theislab/scgen/issues/11 (see the failing
 *   program's header).
 * Fix (commit 5e957f8, "fixed #11"): VAEArith.__init__ starts with
 *   tf.reset_default_graph(): each network is built in a fresh default
 *   graph.  In C the default graph is a global the constructor replaces.
 */
#include "tfops.h"

typedef struct VAEArith {
    int x_dim, z_dim;
    double learning_rate, dropout_rate, alpha;
    vs_tensor *is_training, *x, *z, *mu, *log_var, *z_mean, *x_hat, *vae_loss;
    vs_op *solver;
} VAEArith;

static vs_tensor *block(vs_graph *g, VAEArith *self, vs_tensor *h, int units)
{
    h = vs_dense(g, h, units, .kernel_initializer = vs_init_glorot_uniform(), .no_bias = true);
    h = vs_batch_normalization(g, h, .axis = 1, .training = true);
    h = tfg_like(g, "LeakyRelu", h);
    return vs_dropout(g, h, self->dropout_rate, .training = true);
}

static void encoder(vs_graph *g, VAEArith *self)
{
    VS_VARIABLE_SCOPE(g, "encoder", .reuse = VS_AUTO_REUSE) {
        vs_tensor *h = block(g, self, self->x, 800);
        h = block(g, self, h, 800);
        self->mu = vs_dense(g, h, self->z_dim, .kernel_initializer = vs_init_glorot_uniform());
        self->log_var = vs_dense(g, h, self->z_dim, .kernel_initializer = vs_init_glorot_uniform());
    }
}

static void decoder(vs_graph *g, VAEArith *self)
{
    VS_VARIABLE_SCOPE(g, "decoder", .reuse = VS_AUTO_REUSE) {
        vs_tensor *h = block(g, self, self->z_mean, 800);
        h = block(g, self, h, 800);
        self->x_hat = vs_dense(g, h, self->x_dim, .kernel_initializer = vs_init_glorot_uniform());
    }
}

static void create_network(vs_graph *g, VAEArith *self)
{
    encoder(g, self);
    vs_tensor *in[2] = {self->mu, self->log_var};
    self->z_mean = self->mu && self->log_var ? tf_op(g, "add", in, 2, VS_FLOAT32, vs_tensor_shape(self->mu)) : NULL; /* _sample_z */
    decoder(g, self);
}

static void loss_function(vs_graph *g, VAEArith *self)
{
    vs_tensor *kl_loss = tfg_loss(g, "Sum", self->log_var, self->mu);
    vs_tensor *recon_loss = vs_reduce_mean(g, vs_square(g, vs_subtract(g, self->x, self->x_hat)));
    self->vae_loss = vs_add(g, recon_loss, vs_multiply(g, vs_scalar_f32(g, (float)self->alpha), kl_loss));
    self->solver = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = self->learning_rate), self->vae_loss);
}

static vs_graph *default_graph;

static void VAEArith_init(VAEArith *self, int x_dimension)
{
    vs_graph_free(default_graph); /* tf.reset_default_graph() */
    default_graph = vs_graph_new();
    vs_graph *g = default_graph;
    *self = (VAEArith){.x_dim = x_dimension, .z_dim = 100, .learning_rate = 0.001, .dropout_rate = 0.2, .alpha = 0.00005};
    self->is_training = vs_placeholder(g, VS_BOOL, VS_SCALAR, .name = "training_flag");
    self->x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->x_dim), .name = "data");
    self->z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->z_dim), .name = "latent");
    create_network(g, self);
    loss_function(g, self);
}

int main(void)
{
    default_graph = vs_graph_new();
    for (int i = 1; i < 3; i++) {
        VAEArith network;
        VAEArith_init(&network, 50);
    }
    vs_graph_free(default_graph);
    return 0;
}
