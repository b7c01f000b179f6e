/* realworld: gans_style_slim_repeat_twice (failing)
 *
 * Source: https://github.com/llSourcell/GANS-for-style-transfer/issues/5
 *   (demo2.ipynb; excerpt beside this file: gans_style_slim_repeat_twice.py).
 * TF raised (quoted from the report):
 *   ValueError: Variable inference/Repeat/fully_connected_1/weights already
 *   exists, disallowed. Did you mean to set reuse=True in VarScope?
 *   ---> rec_z = inference_network(p_x, latent_dim, n_layer_inf, ...)
 * Why: the reconstruction calls build the inference (and generative)
 *   networks a second time with reuse off.  The names collide although
 *   slim.repeat opens a default-named scope ('Repeat'): re-entering
 *   "inference" by string resets its sub-scopes' counts, so the second
 *   Repeat is not Repeat_1 (variable_scope.py, _pure_variable_scope and
 *   close_variable_subscopes; contrib/layers/layers.py, repeat).
 * Library calls: vs_fully_connected (.scope, .activation),
 *   vs_get_collection (.scope), vs_adam_optimizer, vs_minimize
 *   (.var_list), vs_subtract, vs_square, vs_reduce_mean, vs_multiply.
 * Translation: slim.repeat is written out as in TF (default-named scope
 *   "Repeat", layers scoped fully_connected_1 ..); graph_replace copies ops
 *   but no variable: an opaque op of the logits; tf.concat(x, 1) of one
 *   tensor and tf.squeeze are opaque ops; softplus likewise.
 */
#include <stdio.h>

#include "tfops.h"

enum { batch_size = 64, input_dim = 2, latent_dim = 2, eps_dim = 2, n_layer_disc = 2, n_hidden_disc = 256, n_layer_gen = 2, n_hidden_gen = 256, n_layer_inf = 2, n_hidden_inf = 256 };

/* slim.repeat(h, n, slim.fully_connected, n_hidden, activation_fn=tf.nn.relu) */
static vs_tensor *repeat_fully_connected(vs_graph *g, vs_tensor *inputs, int repetitions, int n_hidden)
{
    vs_tensor *outputs = inputs;
    VS_VARIABLE_SCOPE(g, NULL, .default_name = "Repeat") {
        for (int i = 0; i < repetitions; i++) {
            char scope[32];
            snprintf(scope, sizeof scope, "fully_connected_%d", i + 1);
            outputs = vs_fully_connected(g, outputs, n_hidden, .activation = VS_ACT_RELU, .scope = scope); // expect: duplicate-variable
        }
    }
    return outputs;
}

static vs_tensor *generative_network(vs_graph *g, vs_tensor *z, int in_dim, int n_layer, int n_hidden)
{
    vs_tensor *x = NULL;
    VS_VARIABLE_SCOPE(g, "generative") {
        vs_tensor *h = z;
        h = repeat_fully_connected(g, h, n_layer, n_hidden);
        x = vs_fully_connected(g, h, in_dim, .activation = VS_ACT_NONE, .scope = "p_x");
    }
    return x;
}

static vs_tensor *inference_network(vs_graph *g, vs_tensor *x, int lat_dim, int n_layer, int n_hidden)
{
    vs_tensor *z = NULL;
    VS_VARIABLE_SCOPE(g, "inference") {
        vs_tensor *h = x;
        h = repeat_fully_connected(g, h, n_layer, n_hidden);
        z = vs_fully_connected(g, h, lat_dim, .activation = VS_ACT_NONE, .scope = "q_z");
    }
    return z;
}

static vs_tensor *data_network(vs_graph *g, const char *scope, vs_tensor *x, int n_layers, int n_hidden)
{
    vs_tensor *h = tfg_like(g, "concat", x);
    vs_tensor *log_d = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        h = repeat_fully_connected(g, h, n_layers, n_hidden);
        log_d = vs_fully_connected(g, h, 1, .activation = VS_ACT_NONE);
    }
    return log_d ? tfg_reshape(g, log_d, VS_SHAPE(vs_tensor_shape(log_d)->dims[0])) : NULL; /* squeeze */
}

#define MAXV 64

static vs_var_list concat_lists(const vs_var_list *a, const vs_var_list *b, vs_var **buf)
{
    size_t n = 0;
    for (size_t i = 0; a && i < a->len && n < MAXV; i++)
        buf[n++] = a->vars[i];
    for (size_t i = 0; b && i < b->len && n < MAXV; i++)
        buf[n++] = b->vars[i];
    return (vs_var_list){n, buf};
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, input_dim));
    vs_tensor *z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, latent_dim));
    vs_tensor *p_x = generative_network(g, z, input_dim, n_layer_gen, n_hidden_gen);
    vs_tensor *q_z = inference_network(g, x, latent_dim, n_layer_inf, n_hidden_inf);

    vs_tensor *decoder_logit_x = data_network(g, "discriminator_x", p_x, n_layer_disc, n_hidden_disc);
    vs_tensor *encoder_logit_x = tfg_like(g, "graph_replace", decoder_logit_x);
    vs_tensor *decoder_logit_z = data_network(g, "discriminator_z", q_z, n_layer_disc, n_hidden_disc);
    vs_tensor *encoder_logit_z = tfg_like(g, "graph_replace", decoder_logit_z);

    vs_tensor *decoder_loss = vs_add(g, tfg_like(g, "Softplus", decoder_logit_x), tfg_like(g, "Softplus", decoder_logit_z));
    vs_tensor *encoder_loss = vs_add(g, tfg_like(g, "Softplus", encoder_logit_x), tfg_like(g, "Softplus", encoder_logit_z));
    vs_tensor *disc_loss = vs_subtract(g, vs_reduce_mean(g, encoder_loss), vs_reduce_mean(g, decoder_loss));

    vs_tensor *rec_z = inference_network(g, p_x, latent_dim, n_layer_inf, n_hidden_inf);
    vs_tensor *rec_x = generative_network(g, q_z, input_dim, n_layer_gen, n_hidden_gen);

    vs_tensor *cost_z = vs_reduce_mean(g, vs_square(g, vs_subtract(g, rec_z, z)));
    vs_tensor *cost_x = vs_reduce_mean(g, vs_square(g, vs_subtract(g, rec_x, x)));
    vs_tensor *adv_loss = vs_reduce_mean(g, decoder_loss);
    vs_tensor *gen_loss = vs_add(g, vs_add(g, adv_loss, cost_x), cost_z);

    const vs_var_list *qvars = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "inference");
    const vs_var_list *pvars = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "generative");
    const vs_var_list *dvars_x = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "discriminator_x");
    const vs_var_list *dvars_z = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "discriminator_z");
    vs_var *gbuf[MAXV], *dbuf[MAXV];
    vs_var_list gen_vars = concat_lists(qvars, pvars, gbuf);
    vs_var_list disc_vars = concat_lists(dvars_x, dvars_z, dbuf);

    vs_optimizer *opt = vs_adam_optimizer(g, .learning_rate = 1e-4, .beta1 = 0.5);
    vs_op *train_gen_op = vs_minimize(g, opt, gen_loss, .var_list = &gen_vars);
    vs_op *train_disc_op = vs_minimize(g, opt, disc_loss, .var_list = &disc_vars);
    (void)train_gen_op, (void)train_disc_op;
    vs_graph_free(g);
    return 0;
}
