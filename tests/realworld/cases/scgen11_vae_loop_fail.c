/* realworld: scgen11_vae_loop (failing)
 *
 * Source: https://github.com/theislab/scgen/issues/11 (fix: commit 5e957f8
 *   of theislab/scgen, "fixed #11").  Excerpt beside this file:
 *   scgen11_vae_loop.py.
 * TF raised (quoted from the report, second iteration):
 *   ValueError: Variable encoder/dense/kernel/Adam/ already exists,
 *   disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in
 *   VarScope?
 * Why: the second VAEArith is built in the same default graph.  Its layers
 *   share the first one's variables (AUTO_REUSE on "encoder" and
 *   "decoder"), but its new AdamOptimizer creates slots.  The slot scope
 *   for encoder/dense/kernel is variable_scope(None,
 *   default_name="encoder/dense/kernel/Adam") at the root; re-entering
 *   "encoder" by string reset the counts of every scope under "encoder/"
 *   (variable_scope.py, close_variable_subscopes), so the default name is
 *   not made unique, and get_variable("") there finds the first model's
 *   slot with reuse off.
 * Library calls: vs_dense with .reuse/.kernel_initializer/.no_bias,
 *   vs_batch_normalization (.axis, .training), vs_dropout,
 *   vs_adam_optimizer, vs_minimize; vs_subtract, vs_square, vs_reduce_mean,
 *   vs_multiply; the rest through the gradient-keeping stand-ins of tfops.h.
 * Translation: x_dimension is adata.shape[1] = 50 in both iterations;
 *   training (a session) is not modelled.  is_training is a bool
 *   placeholder in TF; the layers take training=True here (the library's
 *   .training is a flag; it does not change variables).
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
    self->solver = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = self->learning_rate), self->vae_loss); // expect: duplicate-variable
}

static void VAEArith_init(vs_graph *g, VAEArith *self, int x_dimension)
{
    *self = (VAEArith){.x_dim = x_dimension, .z_dim = 100, .learning_rate = 0.001, .dropout_rate = 0.2, .alpha = 0.00005};
    self->is_training = vs_placeholder(g, VS_BOOL, VS_SCALAR, .name = "training_flag");
    self->x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->x_dim), .name = "data");
    self->z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->z_dim), .name = "latent");
    create_network(g, self);
    loss_function(g, self);
}

int main(void)
{
    vs_graph *g = vs_graph_new(); /* the default graph */
    for (int i = 1; i < 3; i++) {
        VAEArith network;
        VAEArith_init(g, &network, 50);
    }
    vs_graph_free(g);
    return 0;
}
