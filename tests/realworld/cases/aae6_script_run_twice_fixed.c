/* realworld: aae6_script_run_twice (fixed)
 *
 * Source: https://github.com/Naresh1318/Adversarial_Autoencoder/issues/6
 *   (see the failing program's header).
 * Fix: the thread's answers ("I restarted the kernel, resetting all the
 *   previous variables and it worked!", "Try to reset variables"): the
 *   script starts from a fresh default graph (tf.reset_default_graph()
 *   before its placeholders), as a restarted kernel gives it.
 */
#include <stdbool.h>

#include "tfops.h"

enum { input_dim = 784, n_l1 = 1000, n_l2 = 1000, z_dim = 2, batch_size = 100 };

static vs_graph *default_graph;
static vs_tensor *x_input, *x_target, *decoder_input;

static vs_tensor *dense(vs_graph *g, vs_tensor *x, int n1, int n2, const char *name)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name, .reuse = VS_REUSE_INHERIT) {
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(n1, n2), .initializer = vs_init_random_normal(0.0, 0.01));
        vs_var *bias = weights ? vs_get_variable(g, "bias", .shape = VS_SHAPE(n2), .initializer = vs_init_constant(0.0)) : NULL;
        out = bias && x ? vs_add(g, vs_matmul(g, x, vs_value(weights)), vs_value(bias), .name = "matmul") : NULL;
    }
    return out;
}

static vs_tensor *encoder(vs_graph *g, vs_tensor *x, bool reuse)
{
    vs_tensor *latent_variable = NULL;
    if (reuse)
        vs_reuse_variables(vs_get_variable_scope(g));
    VS_NAME_SCOPE(g, "Encoder") {
        vs_tensor *e_dense_1 = dense(g, x, input_dim, n_l1, "e_dense_1");
        vs_tensor *e_dense_2 = e_dense_1 ? dense(g, vs_relu(g, e_dense_1), n_l1, n_l2, "e_dense_2") : NULL;
        latent_variable = e_dense_2 ? dense(g, vs_relu(g, e_dense_2), n_l2, z_dim, "e_latent_variable") : NULL;
    }
    return latent_variable;
}

static vs_tensor *decoder(vs_graph *g, vs_tensor *x, bool reuse)
{
    vs_tensor *output = NULL;
    if (reuse)
        vs_reuse_variables(vs_get_variable_scope(g));
    VS_NAME_SCOPE(g, "Decoder") {
        vs_tensor *d_dense_1 = dense(g, x, z_dim, n_l2, "d_dense_1");
        vs_tensor *d_dense_2 = d_dense_1 ? dense(g, vs_relu(g, d_dense_1), n_l2, n_l1, "d_dense_2") : NULL;
        vs_tensor *d_output = d_dense_2 ? dense(g, vs_relu(g, d_dense_2), n_l1, input_dim, "d_output") : NULL;
        output = d_output ? vs_sigmoid(g, d_output) : NULL;
    }
    return output;
}

static void train(vs_graph *g, bool train_model)
{
    vs_tensor *encoder_output = NULL, *decoder_output = NULL, *decoder_image = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g)) {
        encoder_output = encoder(g, x_input, false);
        decoder_output = decoder(g, encoder_output, false);
    }
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g)) {
        decoder_image = decoder(g, decoder_input, true);
    }
    vs_tensor *loss = decoder_output ? vs_reduce_mean(g, vs_square(g, vs_subtract(g, x_target, decoder_output))) : NULL;
    vs_op *optimizer = loss ? vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.001, .beta1 = 0.9), loss) : NULL;
    (void)optimizer, (void)decoder_image, (void)train_model;
}

/* python autoencoder.py: the module's top level, then train() */
static void run_script(void)
{
    vs_graph_free(default_graph);         /* tf.reset_default_graph() */
    default_graph = vs_graph_new();
    vs_graph *g = default_graph;
    x_input = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, input_dim), .name = "Input");
    x_target = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, input_dim), .name = "Target");
    decoder_input = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, z_dim), .name = "Decoder_input");
    train(g, true);
}

int main(void)
{
    default_graph = vs_graph_new();
    run_script();
    run_script();                         /* run again in the same console */
    vs_graph_free(default_graph);
    return 0;
}
