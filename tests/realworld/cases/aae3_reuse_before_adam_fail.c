/* realworld: aae3_reuse_before_adam (failing)
 *
 * Source: https://github.com/takat0m0/AAE/issues/3 (TF 1.0); the code is
 *   the repository before commit 00ad965 "modify for tf >= 1.0" (Model.py,
 *   encoder.py, decoder.py, discriminator.py, util.py,
 *   batch_normalize.py at a15bdc1).
 * TF raised (quoted from the report's title):
 *   ValueError: Variable encoder/weights0/Adam/ does not exist, or was not
 *   created with tf.get_variable(). Did you mean to set reuse=None in
 *   VarScope?
 * Original Python (Model.set_model, trimmed):
 *   mu, log_sigma = self.encoder.set_model(self.x_labeled, is_training = True)
 *   z = eps * tf.exp(log_sigma) + mu
 *   gen_figs = self.decoder.set_model(z, is_training = True)
 *   reconstruct_error = tf.reduce_mean(tf.reduce_sum(tf.pow(gen_figs - self.x_labeled, 2), [1]))
 *   vae_logits = self.discriminator.set_model(z, self.y_labeled, is_training = True)
 *   # == for sharing variables ===
 *   tf.get_variable_scope().reuse_variables()
 *   disc_logits = self.discriminator.set_model(self.z_input, self.y_labeled, is_training = True)
 *   train_vars = self.encoder.get_variables()
 *   train_vars.extend(self.decoder.get_variables())
 *   self.train_vae = tf.train.AdamOptimizer(self.lr).minimize(self.obj_vae, var_list = train_vars)
 *   ...
 *   and get_variables() keeps the trainable variables whose name contains
 *   the model's name ('encoder', 'decoder', 'discriminator').
 * Why: reuse_variables() on the root scope, meant for the second
 *   discriminator, stays on; Adam's slots (TF >= 0.12 makes them with
 *   get_variable) are then looked up under reuse and do not exist.  The
 *   first minimize fails at its first variable, encoder/weights0.
 * Library calls: vs_get_variable (get_weights/get_biases), vs_matmul,
 *   vs_add, vs_relu, vs_get_collection + vs_var_name for get_variables,
 *   vs_adam_optimizer + vs_minimize; tfops.h for tf.nn.moments, the batch
 *   norm arithmetic, random_normal, exp, the losses.
 * Translation: main's Model(28 * 28 * 1, 2, 10, 100).  linear_layer's
 *   l_id is an int or a string in Python ('mu'); here a string, the ints
 *   printed with snprintf.  The sampler and the session are left out.
 */
#include <stdio.h>
#include <string.h>

#include "tfops.h"

/* util.py */
static vs_var *get_weights(vs_graph *g, const char *name, const vs_shape *shape, double stddev, int trainable)
{
    char full[64];
    snprintf(full, sizeof full, "weights%s", name);
    return vs_get_variable(g, full, .shape = shape, .initializer = vs_init_random_normal(0, stddev), .not_trainable = !trainable);
}

static vs_var *get_biases(vs_graph *g, const char *name, const vs_shape *shape, double value, int trainable)
{
    char full[64];
    snprintf(full, sizeof full, "biases%s", name);
    return vs_get_variable(g, full, .shape = shape, .initializer = vs_init_constant(value), .not_trainable = !trainable);
}

static vs_tensor *linear_layer(vs_graph *g, vs_tensor *x, int in_dim, int out_dim, const char *l_id)
{
    vs_var *weights = get_weights(g, l_id, VS_SHAPE(in_dim, out_dim), 1.0 / 30.0, 1);
    vs_var *biases = get_biases(g, l_id, VS_SHAPE(out_dim), 0.0, 1);
    return vs_add(g, vs_matmul(g, x, vs_value(weights)), vs_value(biases));
}

/* batch_normalize.py, the rank-2 path */
static vs_tensor *batch_norm(vs_graph *g, vs_tensor *x, const char *name, int is_training)
{
    int64_t dim = vs_tensor_shape(x)->dims[1];
    char n[64];
    vs_tensor *in[1] = {x};
    vs_tensor *mean = tf_op(g, "moments_mean", in, 1, VS_FLOAT32, VS_SHAPE(dim));
    vs_tensor *var = tf_op(g, "moments_variance", in, 1, VS_FLOAT32, VS_SHAPE(dim));
    snprintf(n, sizeof n, "avg_mean_bn_%s", name);
    vs_var *avg_mean = get_biases(g, n, VS_SHAPE(1, dim), 0.0, 0);
    snprintf(n, sizeof n, "avg_var_bn_%s", name);
    vs_var *avg_var = get_biases(g, n, VS_SHAPE(1, dim), 1.0, 0);
    snprintf(n, sizeof n, "beta_bn_%s", name);
    vs_var *beta = get_biases(g, n, VS_SHAPE(1, dim), 0.0, 1);
    snprintf(n, sizeof n, "gamma_bn_%s", name);
    vs_var *gamma = get_biases(g, n, VS_SHAPE(1, dim), 1.0, 1);
    vs_tensor *args[5] = {x, is_training ? mean : vs_value(avg_mean), is_training ? var : vs_value(avg_var), vs_value(gamma), vs_value(beta)};
    return tf_op(g, "batchnorm", args, 5, VS_FLOAT32, vs_tensor_shape(x));
}

/* the three models share one shape: a name and a list of layer widths */
typedef struct Net {
    int layer_list[8];
    int n_layers;
    const char *name_scope;
} Net;

static Net net_new(const char *name_scope, int n, const int *layers)
{
    Net net = {.n_layers = n, .name_scope = name_scope};
    for (int i = 0; i < n; i++)
        net.layer_list[i] = layers[i];
    return net;
}

static int get_variables(vs_graph *g, const Net *self, vs_var **ret, int max)
{
    const vs_var_list *t_var = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    int n = 0;
    for (size_t i = 0; i < t_var->len && n < max; i++)
        if (strstr(vs_var_name(t_var->vars[i]), self->name_scope))
            ret[n++] = t_var->vars[i];
    return n;
}

/* encoder.py */
static vs_tensor *encoder_set_model(vs_graph *g, const Net *self, int z_dim, vs_tensor *figs, int is_training, vs_tensor **log_sigma)
{
    vs_tensor *h = figs, *mu = NULL;
    VS_VARIABLE_SCOPE(g, self->name_scope) {
        char id[16];
        for (int i = 0; i + 1 < self->n_layers; i++) {
            snprintf(id, sizeof id, "%d", i);
            h = linear_layer(g, h, self->layer_list[i], self->layer_list[i + 1], id);
            h = batch_norm(g, h, id, is_training);
            h = vs_relu(g, h);
        }
        int dim = (int)vs_tensor_shape(h)->dims[1];
        mu = linear_layer(g, h, dim, z_dim, "mu");
        *log_sigma = linear_layer(g, h, dim, z_dim, "log_sigma");
    }
    return mu;
}

/* decoder.py and discriminator.py (the discriminator concatenates z, y) */
static vs_tensor *mlp_set_model(vs_graph *g, const Net *self, vs_tensor *h, int is_training)
{
    vs_tensor *ret = NULL;
    VS_VARIABLE_SCOPE(g, self->name_scope) {
        char id[16];
        for (int i = 0; i + 1 < self->n_layers; i++) {
            snprintf(id, sizeof id, "%d", i);
            ret = linear_layer(g, h, self->layer_list[i], self->layer_list[i + 1], id);
            h = batch_norm(g, ret, id, is_training);
            h = vs_relu(g, h);
        }
    }
    return ret;
}

static vs_tensor *discriminator_set_model(vs_graph *g, const Net *self, vs_tensor *z, vs_tensor *y, int is_training)
{
    vs_tensor *zy[2] = {z, y};
    return mlp_set_model(g, self, tfg_concat(g, zy, 2, 1), is_training);
}

typedef struct Model {
    int input_dim, z_dim, class_num, batch_size;
    double lr;
    Net encoder, decoder, discriminator;
    vs_tensor *x_labeled, *y_labeled, *z_input, *obj_vae, *obj_gen, *obj_disc, *mu, *generate_figs;
    vs_op *train_vae, *train_gen, *train_disc;
} Model;

static void Model_init(Model *self, int input_dim, int z_dim, int class_num, int batch_size)
{
    self->input_dim = input_dim;
    self->z_dim = z_dim;
    self->class_num = class_num;
    self->batch_size = batch_size;
    self->lr = 0.0001;
    const int enc_layers[] = {input_dim, 1200, 600, 100};
    const int dec_layers[] = {z_dim, 100, 600, 1200, input_dim};
    const int disc_layers[] = {z_dim + (class_num + 1), 50, 20, 10, 1};
    self->encoder = net_new("encoder", 4, enc_layers);
    self->decoder = net_new("decoder", 5, dec_layers);
    self->discriminator = net_new("discriminator", 5, disc_layers);
}

static void Model_set_model(vs_graph *g, Model *self)
{
    self->x_labeled = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->batch_size, self->input_dim));
    vs_tensor *log_sigma = NULL;
    vs_tensor *mu = encoder_set_model(g, &self->encoder, self->z_dim, self->x_labeled, 1, &log_sigma);
    vs_tensor *eps = tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(self->batch_size, self->z_dim));
    vs_tensor *z = vs_add(g, vs_multiply(g, eps, tfg_like(g, "Exp", log_sigma)), mu);
    vs_tensor *gen_figs = mlp_set_model(g, &self->decoder, z, 1);
    vs_tensor *reconstruct_error = tfg_loss(g, "reconstruct_error", gen_figs, self->x_labeled);

    self->y_labeled = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->batch_size, self->class_num + 1));
    vs_tensor *vae_logits = discriminator_set_model(g, &self->discriminator, z, self->y_labeled, 1);
    vs_tensor *obj_disc_from_vae = tfg_loss(g, "sigmoid_cross_entropy", vae_logits, NULL);
    vs_tensor *obj_gen_from_vae = tfg_loss(g, "sigmoid_cross_entropy", vae_logits, NULL);

    /* == for sharing variables === */
    vs_reuse_variables(vs_get_variable_scope(g));

    self->z_input = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->batch_size, self->z_dim));
    vs_tensor *disc_logits = discriminator_set_model(g, &self->discriminator, self->z_input, self->y_labeled, 1);
    vs_tensor *obj_disc_from_inputs = tfg_loss(g, "sigmoid_cross_entropy", disc_logits, NULL);

    /* -- train ----- */
    vs_var *train_vars[64];
    vs_var_list var_list = {0, train_vars};
    self->obj_vae = reconstruct_error;
    int n = get_variables(g, &self->encoder, train_vars, 64);
    n += get_variables(g, &self->decoder, train_vars + n, 64 - n);
    var_list.len = (size_t)n;
    self->train_vae = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = self->lr), self->obj_vae, .var_list = &var_list); // expect: missing-variable
    self->obj_gen = obj_gen_from_vae;
    n = get_variables(g, &self->encoder, train_vars, 64);
    var_list.len = (size_t)n;
    self->train_gen = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = self->lr), self->obj_gen, .var_list = &var_list);
    self->obj_disc = vs_add(g, obj_disc_from_vae, obj_disc_from_inputs);
    n = get_variables(g, &self->discriminator, train_vars, 64);
    var_list.len = (size_t)n;
    self->train_disc = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = self->lr), self->obj_disc, .var_list = &var_list);
    /* -- for using --------------------- */
    vs_tensor *unused = NULL;
    self->mu = encoder_set_model(g, &self->encoder, self->z_dim, self->x_labeled, 0, &unused);
    self->generate_figs = mlp_set_model(g, &self->decoder, self->z_input, 0);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    Model model;
    Model_init(&model, 28 * 28 * 1, 2, 10, 100);
    Model_set_model(g, &model);
    vs_graph_free(g);
    return 0;
}
