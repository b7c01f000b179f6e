/* realworld: mnist_gan_gen_after_train (fixed: gen() builds in a new graph)
 *
 * Source: https://github.com/lpty/tensorflow_tutorial/issues/9
 *   ("gen()运行出错", gen() fails), code: mnistGan/mnist_model.py
 * TF raised (quoted from the report):
 *   ValueError: Variable generator/dense/kernel already exists, disallowed.
 *   Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 *   Originally defined at:
 *     File "<ipython-input-16-5e3d8598e920>", line 38, in generator_graph
 *       layer = tf.layers.dense(fake_imgs, units_size)
 *     File "<ipython-input-16-5e3d8598e920>", line 102, in train
 *     File "<ipython-input-16-5e3d8598e920>", line 176, in <module>
 *       mnist.train()
 * Original (trimmed):
 *   def generator_graph(fake_imgs, units_size, out_size, alpha=0.01):
 *       with tf.variable_scope('generator'):
 *           layer = tf.layers.dense(fake_imgs, units_size)
 *           relu = tf.maximum(alpha * layer, layer)
 *           drop = tf.layers.dropout(relu, rate=0.2)
 *           logits = tf.layers.dense(drop, out_size)
 *           outputs = tf.tanh(logits)
 *           return logits, outputs
 *   def discriminator_graph(imgs, units_size, alpha=0.01, reuse=False):
 *       with tf.variable_scope('discriminator', reuse=reuse):
 *           layer = tf.layers.dense(imgs, units_size)
 *           relu = tf.maximum(alpha * layer, layer)
 *           logits = tf.layers.dense(relu, 1)
 *           outputs = tf.sigmoid(logits)
 *           return logits, outputs
 *   def train(self):
 *       real_imgs = tf.placeholder(tf.float32, [None, self.img_size], name='real_imgs')
 *       fake_imgs = tf.placeholder(tf.float32, [None, self.img_size], name='fake_imgs')
 *       gen_logits, gen_outputs = self.generator_graph(fake_imgs, self.units_size, self.img_size)
 *       real_logits, real_outputs = self.discriminator_graph(real_imgs, self.units_size)
 *       fake_logits, fake_outputs = self.discriminator_graph(gen_outputs, self.units_size, reuse=True)
 *       ... losses, optimizer_graph (Adam), session ...
 *   def gen(self):
 *       sample_imgs = tf.placeholder(tf.float32, [None, self.img_size], name='sample_imgs')
 *       gen_logits, gen_outputs = self.generator_graph(sample_imgs, self.units_size, self.img_size)
 *       ... restore, run ...
 *   # the notebook
 *   mnist = MnistModel(); mnist.train(); mnist.gen()
 * Why: gen() builds the generator a second time in the graph train()
 *   built, with reuse off.
 * Fix: the repository runs train and gen as two scripts (mnist_train.py,
 *   mnist_gen.py), each with its own graph; in one notebook, gen() starts
 *   with tf.reset_default_graph() (the thread has no answer).
 * Translation: img_size 784 and units_size 128 as in __init__; the losses,
 *   the Adam optimizer and the session are left out (they come after the
 *   generator and the discriminators in train(); gen() fails before them
 *   either way).  tf.maximum, tf.layers.dropout, tf.tanh, tf.sigmoid are
 *   stand-ins (no variables).
 */
#include "tfops.h"

typedef struct MnistModel {
    int img_size, units_size;
} MnistModel;

typedef struct pair {
    vs_tensor *logits, *outputs;
} pair;

static pair generator_graph(vs_graph *g, vs_tensor *fake_imgs, int units_size, int out_size)
{
    pair r = {0};
    VS_VARIABLE_SCOPE(g, "generator") {
        vs_tensor *layer = vs_dense(g, fake_imgs, units_size);
        vs_tensor *relu = tf_like(g, "Maximum", tf_like(g, "mul", layer));
        vs_tensor *drop = tf_like(g, "dropout", relu);
        r.logits = vs_dense(g, drop, out_size);
        r.outputs = tf_like(g, "Tanh", r.logits);
    }
    return r;
}

static pair discriminator_graph(vs_graph *g, vs_tensor *imgs, int units_size, bool reuse)
{
    pair r = {0};
    VS_VARIABLE_SCOPE(g, "discriminator", .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_tensor *layer = vs_dense(g, imgs, units_size);
        vs_tensor *relu = tf_like(g, "Maximum", tf_like(g, "mul", layer));
        r.logits = vs_dense(g, relu, 1);
        r.outputs = tf_like(g, "Sigmoid", r.logits);
    }
    return r;
}

static void train(vs_graph *g, MnistModel *self)
{
    vs_tensor *real_imgs = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->img_size), .name = "real_imgs");
    vs_tensor *fake_imgs = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->img_size), .name = "fake_imgs");
    pair gen = generator_graph(g, fake_imgs, self->units_size, self->img_size);
    pair real = discriminator_graph(g, real_imgs, self->units_size, false);
    pair fake = discriminator_graph(g, gen.outputs, self->units_size, true);
    (void)real, (void)fake;
}

static void gen(vs_graph **g_default, MnistModel *self)
{
    /* tf.reset_default_graph() */
    vs_graph_free(*g_default);
    vs_graph *g = *g_default = vs_graph_new();
    vs_tensor *sample_imgs = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->img_size), .name = "sample_imgs");
    pair out = generator_graph(g, sample_imgs, self->units_size, self->img_size);
    (void)out;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    MnistModel mnist = {.img_size = 784, .units_size = 128};
    train(g, &mnist);
    gen(&g, &mnist);
    vs_graph_free(g);
    return 0;
}
