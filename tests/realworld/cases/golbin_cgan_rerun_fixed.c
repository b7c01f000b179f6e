/* realworld: golbin_cgan_rerun (fixed: tf.reset_default_graph() at the top)
 *
 * Source: https://github.com/golbin/TensorFlow-Tutorials/issues/41
 *   ("9.2 원하는 숫자 생성하기 코드에서 ValueError 납니다", the book's
 *   conditional GAN, "07 - GAN/02 - GAN2.py")
 * TF raised (quoted from the report), at `G = generator(Z, Y)`:
 *   ValueError: Variable generator/dense/kernel already exists, disallowed.
 *   Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 *   Originally defined at:
 * Original (trimmed: losses, Adam, the session and plots left out):
 *   n_hidden = 256; n_input = 28 * 28; n_noise = 128; n_class = 10
 *   X = tf.placeholder(tf.float32, [None, n_input])
 *   Y = tf.placeholder(tf.float32, [None, n_class])
 *   Z = tf.placeholder(tf.float32, [None, n_noise])
 *   def generator(noise, labels):
 *       with tf.variable_scope('generator'):
 *           inputs = tf.concat([noise, labels], 1)
 *           hidden = tf.layers.dense(inputs, n_hidden, activation=tf.nn.relu)
 *           output = tf.layers.dense(hidden, n_input, activation=tf.nn.sigmoid)
 *       return output
 *   def discriminator(inputs, labels, reuse=None):
 *       with tf.variable_scope('discriminator') as scope:
 *           if reuse:
 *               scope.reuse_variables()
 *           inputs = tf.concat([inputs, labels], 1)
 *           hidden = tf.layers.dense(inputs, n_hidden, activation=tf.nn.relu)
 *           output = tf.layers.dense(hidden, 1, activation=None)
 *       return output
 *   G = generator(Z, Y)
 *   D_real = discriminator(X, Y)
 *   D_gene = discriminator(G, Y, True)
 * Why: the script was run a second time in the same Python process (the
 *   thread: "if you moved it to an ipynb, reset all cells and run them in
 *   order"); its first generator() call finds the first run's variables.
 * Fix (ThereIsNoWindBag in the thread): tf.reset_default_graph() between
 *   the imports and the model.
 * Translation: the script is a function run twice against the process's
 *   default graph; tf.concat is a stand-in (tfops.h), so each dense layer's
 *   kernel takes its width from the concatenated tensor, as in TF.
 */
#include "tfops.h"

enum { n_hidden = 256, n_input = 28 * 28, n_noise = 128, n_class = 10 };

static vs_tensor *generator(vs_graph *g, vs_tensor *noise, vs_tensor *labels)
{
    vs_tensor *output = NULL;
    VS_VARIABLE_SCOPE(g, "generator") {
        vs_tensor *parts[2] = {noise, labels};
        vs_tensor *inputs = tf_concat(g, parts, 2, 1);
        vs_tensor *hidden = tf_like(g, "Relu", vs_dense(g, inputs, n_hidden));
        output = tf_like(g, "Sigmoid", vs_dense(g, hidden, n_input));
    }
    return output;
}

static vs_tensor *discriminator(vs_graph *g, vs_tensor *inputs, vs_tensor *labels, bool reuse)
{
    vs_tensor *output = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "discriminator") {
        if (reuse)
            vs_reuse_variables(scope);
        vs_tensor *parts[2] = {inputs, labels};
        inputs = tf_concat(g, parts, 2, 1);
        vs_tensor *hidden = tf_like(g, "Relu", vs_dense(g, inputs, n_hidden));
        output = vs_dense(g, hidden, 1);
    }
    return output;
}

static void script(vs_graph **default_graph)
{
    /* tf.reset_default_graph() */
    vs_graph_free(*default_graph);
    vs_graph *g = *default_graph = vs_graph_new();

    vs_tensor *X = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, n_input));
    vs_tensor *Y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, n_class));
    vs_tensor *Z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, n_noise));

    vs_tensor *G = generator(g, Z, Y);
    vs_tensor *D_real = discriminator(g, X, Y, false);
    vs_tensor *D_gene = discriminator(g, G, Y, true);
    (void)D_real, (void)D_gene;
}

int main(void)
{
    vs_graph *g = vs_graph_new();   /* the process's default graph */
    script(&g);                     /* first run */
    script(&g);                     /* the script run again */
    vs_graph_free(g);
    return 0;
}
