/* realworld: aae6_script_run_twice (failing)
 *
 * Source: https://github.com/Naresh1318/Adversarial_Autoencoder/issues/6
 *   ("autoencoder.py : ValueError: Variable e_dense_1/weights already
 *   exists"; code: autoencoder.py at 5fa7f98, the report's day).
 * TF raised (quoted from the report):
 *   ValueError: Variable e_dense_1/weights already exists, disallowed. Did
 *   you mean to set reuse=True in VarScope? Originally defined at
 *   (Windows 10, TF 1.8, Anaconda; the second comment: "I got the same
 *   error in Jupyter. I restarted the kernel ... and it worked!")
 * Original Python (trimmed):
 *   x_input = tf.placeholder(dtype=tf.float32, shape=[batch_size, input_dim], name='Input')
 *   x_target = tf.placeholder(dtype=tf.float32, shape=[batch_size, input_dim], name='Target')
 *   decoder_input = tf.placeholder(dtype=tf.float32, shape=[1, z_dim], name='Decoder_input')
 *   def dense(x, n1, n2, name):
 *       with tf.variable_scope(name, reuse=None):
 *           weights = tf.get_variable("weights", shape=[n1, n2], initializer=tf.random_normal_initializer(mean=0., stddev=0.01))
 *           bias = tf.get_variable("bias", shape=[n2], initializer=tf.constant_initializer(0.0))
 *           return tf.add(tf.matmul(x, weights), bias, name='matmul')
 *   def encoder(x, reuse=False):
 *       if reuse: tf.get_variable_scope().reuse_variables()
 *       with tf.name_scope('Encoder'):
 *           e_dense_1 = tf.nn.relu(dense(x, input_dim, n_l1, 'e_dense_1')) ...
 *   def decoder(x, reuse=False): ... d_dense_1, d_dense_2, d_output
 *   def train(train_model):
 *       with tf.variable_scope(tf.get_variable_scope()):
 *           encoder_output = encoder(x_input)
 *           decoder_output = decoder(encoder_output)
 *       with tf.variable_scope(tf.get_variable_scope()):
 *           decoder_image = decoder(decoder_input, reuse=True)
 *       loss = tf.reduce_mean(tf.square(x_target - decoder_output))
 *       optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate, beta1=beta1).minimize(loss)
 *       ...
 *   if __name__ == '__main__':
 *       train(train_model=True)
 * Why: the script is run a second time in the same interpreter (Spyder's
 *   console, a Jupyter kernel), whose default graph still holds the first
 *   run's variables; encoder's dense opens e_dense_1 with reuse=None under
 *   a root scope that does not reuse, and creates its weights again.  (The
 *   decoder's reuse_variables() stays inside the re-entered copies of the
 *   root scope, so the first run's Adam makes its slots.)
 * Library calls: vs_placeholder, vs_variable_scope_enter / _reenter
 *   (block forms), vs_name_scope_enter (block form), vs_reuse_variables,
 *   vs_get_variable, vs_adam_optimizer, vs_minimize; tfops.h.
 * Translation: the module's top level is a function (C runs no code at
 *   file scope), called with train() for each run of the script; the
 *   session, summaries and the training loop make no variable.
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
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(n1, n2), .initializer = vs_init_random_normal(0.0, 0.01)); // expect: duplicate-variable
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
