/* realworld: awesomegans6_cogan_dense_reuse (fixed)
 * This program: the fix below (the dense layer's reuse is share_params):
 *   the first generator makes the shared layers, the others share them.
 *
 * Source: https://github.com/kozistr/Awesome-GANs/issues/6 ("CoGAN",
 *   mmosquera10, 2018-03-24: "I am trying to run CoGAN, but I get the
 *   following error").
 * TF raised: the report's traceback ends in tf.layers.dense ->
 *   core.py Dense.build -> get_variable, from
 *     File "cogan_model.py", line 224, in build_cogan
 *       self.g_1 = self.generator(self.z, self.y, share_params=False, reuse=False, name='g1')
 *     File "cogan_model.py", line 196, in generator
 *       x = tf.layers.dense(x, 7 * 7, reuse=True, name='gen-dense-reshape')
 *   (the message is cut off in the report; TF 1.15's text for that call:
 *   ValueError: Variable gen-dense-reshape/kernel does not exist, or was
 *   not created with tf.get_variable(). Did you mean to set
 *   reuse=tf.AUTO_REUSE in VarScope?)
 * Original Python (CoGAN/cogan_model.py; the report's version is not
 *   stored: its line 196 is from the traceback, the rest from the
 *   repository's next version, whose line 196 passes reuse=share_params):
 *   def prelu(x, stddev=1e-2, reuse=False, name='prelu'):
 *       with tf.variable_scope(name):
 *           if reuse:
 *               tf.get_variable_scope().reuse_variables()
 *           _alpha = tf.get_variable('_alpha', shape=x.get_shape(),
 *                                    initializer=tf.constant_initializer(stddev), dtype=x.dtype)
 *           return tf.maximum(_alpha * x, x)
 *   def generator(self, z, y=None, share_params=False, reuse=False, training=True, name=""):
 *       x = tf.concat([z, y], axis=1)
 *       x = tf.layers.dense(x, 7 * 7, reuse=True, name='gen-dense-reshape')
 *       x = prelu(x, reuse=share_params, name='gen-prelu-0')
 *       x = tf.reshape(x, (self.batch_size, 7, 7, 1))
 *       ... deconv2d / batch_norm / prelu with reuse=share_params ...
 *       with tf.variable_scope("generator-%s" % name, reuse=reuse):
 *           x = deconv2d(x, f=self.input_channel, k=6, s=1, reuse=False, name='gen-' + name + '-deconv2d-3')
 *           x = tf.nn.sigmoid(x, name='gen' + name + '-sigmoid-0')
 *           return x
 *   def build_cogan(self):
 *       self.g_1 = self.generator(self.z, self.y, share_params=False, reuse=False, name='g1')
 *       self.g_2 = self.generator(self.z, self.y, share_params=True, reuse=False, name='g2')
 *       self.g_sample_1 = self.generator(self.z, self.y, share_params=True, reuse=True, training=False, name='g1')
 *       self.g_sample_2 = self.generator(self.z, self.y, share_params=True, reuse=True, training=False, name='g2')
 * Why: CoGAN's two generators share their first layers: the second
 *   (share_params=True) reuses what the first made.  The dense layer
 *   asked for reuse=True unconditionally, so the first generator, which
 *   must make gen-dense-reshape, looks it up instead and TF finds no such
 *   variable.
 * Fix: the repository's: reuse=share_params for that layer too.
 * Library calls: vs_placeholder, vs_dense (.reuse, .name), scopes (block
 *   form), vs_get_variable_scope, vs_reuse_variables, vs_get_variable,
 *   vs_multiply, vs_sigmoid; tf.concat, tf.reshape and tf.maximum
 *   through tfops.h.
 * Translation: the model is a struct; generator's keyword arguments are a
 *   struct of options passed by value.  The three deconvolution blocks
 *   and the discriminators (which the library cannot build:
 *   conv2d_transpose) are left out: TF stopped at the first layer; the
 *   last deconvolution, in the generator-%s scope, is a dense layer of
 *   28 * 28 units here.  batch_size 64, z_dim 128, n_classes 10.
 */
#include "tfops.h"
#include <stdio.h>

struct cogan {
    int batch_size, z_dim, n_classes, input_height, input_width;
    vs_tensor *z, *y;
    vs_tensor *g_1, *g_2, *g_sample_1, *g_sample_2;
};

struct gen_opts { bool share_params; bool reuse; bool training; const char *name; };

static vs_tensor *prelu(vs_graph *g, vs_tensor *x, double stddev, bool reuse, const char *name)
{
    vs_tensor *out = NULL;
    if (!x)
        return NULL;
    VS_VARIABLE_SCOPE(g, name) {
        if (reuse)
            vs_reuse_variables(vs_get_variable_scope(g));
        vs_var *alpha = vs_get_variable(g, "_alpha", .shape = vs_tensor_shape(x), .initializer = vs_init_constant(stddev), .dtype = vs_tensor_dtype(x));
        if (alpha)
            out = tfg_like(g, "Maximum", vs_multiply(g, vs_value(alpha), x));
    }
    return out;
}

static vs_tensor *generator(vs_graph *g, struct cogan *self, vs_tensor *z, vs_tensor *y, struct gen_opts o)
{
    vs_tensor *zy[2] = {z, y};
    vs_tensor *x = tf_concat(g, zy, 2, 1);
    x = vs_dense(g, x, 7 * 7, .reuse = o.share_params ? VS_REUSE : VS_REUSE_INHERIT, .name = "gen-dense-reshape");
    x = prelu(g, x, 1e-2, o.share_params, "gen-prelu-0");
    if (!x)
        return NULL;
    x = tfg_reshape(g, x, VS_SHAPE(self->batch_size, 7, 7, 1));
    vs_tensor *out = NULL;
    char scope[64], layer[64], act[64];
    snprintf(scope, sizeof scope, "generator-%s", o.name);
    VS_VARIABLE_SCOPE(g, scope, .reuse = o.reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        snprintf(layer, sizeof layer, "gen-%s-deconv2d-3", o.name);
        snprintf(act, sizeof act, "gen%s-sigmoid-0", o.name);
        x = tfg_reshape(g, x, VS_SHAPE(self->batch_size, 7 * 7));
        x = vs_dense(g, x, self->input_height * self->input_width, .name = layer);
        if (x)
            out = vs_sigmoid(g, x, .name = act);
    }
    return out;
}

static void build_cogan(vs_graph *g, struct cogan *self)
{
    self->g_1 = generator(g, self, self->z, self->y, (struct gen_opts){.share_params = false, .reuse = false, .training = true, .name = "g1"});
    if (!self->g_1)
        return;
    self->g_2 = generator(g, self, self->z, self->y, (struct gen_opts){.share_params = true, .reuse = false, .training = true, .name = "g2"});
    self->g_sample_1 = generator(g, self, self->z, self->y, (struct gen_opts){.share_params = true, .reuse = true, .training = false, .name = "g1"});
    self->g_sample_2 = generator(g, self, self->z, self->y, (struct gen_opts){.share_params = true, .reuse = true, .training = false, .name = "g2"});
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    struct cogan model = {.batch_size = 64, .z_dim = 128, .n_classes = 10, .input_height = 28, .input_width = 28};
    model.y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(model.batch_size, model.n_classes), .name = "y-label");
    model.z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(model.batch_size, model.z_dim), .name = "z-noise");
    build_cogan(g, &model);
    vs_graph_free(g);
    return 0;
}
