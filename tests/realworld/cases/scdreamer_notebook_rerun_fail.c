/* realworld: scdreamer_notebook_rerun (failing)
 *
 * Source: https://github.com/Zafar-Lab/scDREAMER/issues/4
 *   ("Variable Encoder/enc_h0_lin/weights already exists, disallowed. Did
 *   you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 *   Originally defined at:"), code: scDREAMER/src/model.py and utils.py
 *   (commit 32b65ae)
 * TF raised (quoted from the report, the notebook cell run a second time):
 *   ValueError: Variable Encoder/enc_h0_lin/weights already exists,
 *   disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in
 *   VarScope? Originally defined at: ...
 *   ---> 10     dreamer = model.scDREAMER(sess, epoch = 300, ...
 * The report: "When I run scDreamer more than once I get the following
 *   error. I have to restart my notebook in order to get around it."
 * Original (trimmed; is_bn=False, num_layers=1, the defaults):
 *   def dense(x, inp_dim, out_dim, name = 'dense'):
 *       with tf.variable_scope(name, reuse=None):
 *           weights = tf.get_variable("weights", shape=[inp_dim, out_dim],
 *                                     initializer=tf2.initializers.GlorotUniform())
 *           bias = tf.get_variable("bias", shape=[out_dim], initializer=tf.constant_initializer(0.0))
 *           out = tf.add(tf.matmul(x, weights), bias, name='matmul')
 *           return out
 *   def build_model(self):
 *       self.x_input = tf.placeholder(tf.float32, [None, self.X_dim], name='Input')
 *       ... x_input_, x_target, batch_input, batch_input_, keep_prob, real_distribution ...
 *       self.enc_input = tf.concat([self.x_input, self.batch_input],1)
 *       self.enc_input_ = tf.concat([self.x_input_, self.batch_input_],1)
 *       ... = self.encoder(self.enc_input)
 *       ... = self.encoder(self.enc_input_, reuse = True)
 *       self.z = self.sample_gaussian(self.z_post_m, self.z_post_v) ...
 *       self.decoder_output = self.decoder(tf.concat([self.z, self.batch_input],1))
 *       self.n_input = self.expression.get_shape().as_list()[1]
 *       self.x_post_scale = tf.nn.softmax(dense(self.decoder_output, self.g_h_dim[0], self.n_input, name='dec_x_post_scale'))
 *       self.x_post_r = tf.Variable(tf.random_normal([self.n_input]), name="dec_x_post_r")
 *       self.x_post_dropout = dense(self.decoder_output, self.g_h_dim[0], self.n_input, name='dec_x_post_dropout')
 *       self.decoder_output2 = tf.nn.sigmoid(dense(self.decoder_output, self.g_h_dim[0], self.X_dim, 'dec_output2'))
 *       self.dis_real_logit = self.discriminator(self.real_distribution, self.z_dim)
 *       self.dis_fake_logit = self.discriminator(self.z, self.z_dim, reuse=True)
 *       self.dis2_real_logit = self.discriminator2(self.x_target, self.X_dim)
 *       self.dis2_fake_logit = self.discriminator2(self.decoder_output2, self.X_dim, reuse=True)
 *       self.disb_real_logit = self.discriminatorB(self.z, self.z_dim)
 *       ... losses ...
 *   def encoder(self, x, reuse = False):
 *       with tf.variable_scope('Encoder') as scope:
 *           if reuse:
 *               scope.reuse_variables()
 *           h = tf.nn.dropout(lrelu(dense(x, self.X_dim + self.N_batch, self.g_h_dim[0], name='enc_h0_lin'), ...
 *           for i in range(1, self.num_layers): ... 'enc_h' + str(i) + '_lin' ...
 *           z_post_m = dense(h, self.g_h_dim[self.num_layers - 1], self.z_dim, name='enc_z_post_m' + str(self.num_layers) + '_lin')
 *           z_post_v = tf.exp(dense(..., name='enc_z_post_v' + str(self.num_layers) + '_lin'))
 *           h = tf.nn.relu(dense(h, ..., self.z_dim, name='enc_h' + str(self.num_layers) + '_lin'))
 *           l_post_m = dense(h, self.z_dim, 1, name='enc_l_post_m' + str(self.num_layers) + '_lin')
 *           l_post_v = tf.exp(dense(h, self.z_dim, 1, name='enc_l_post_v' + str(self.num_layers) + '_lin'))
 *   (decoder, discriminator, discriminator2, discriminatorB alike: scope,
 *   reuse_variables() when asked, dense layers named from their index)
 *   # the notebook cell, run twice
 *   with tf.Session(config = run_config) as sess:
 *       dreamer = model.scDREAMER(sess, epoch = 300, dataset_name = ..., ...)
 *       dreamer.train_cluster()
 * Why: the second run builds the model again in the kernel's graph.
 * Fix: tf.reset_default_graph() at the top of the cell (or a new tf.Graph
 *   per run).
 * Translation: X_dim 2000 and N_batch 3 as printed in the report
 *   ((55510, 2000), (55510, 3)); the other sizes are scDREAMER's defaults.
 *   Names built with str() are built with snprintf.  train_cluster (Adam)
 *   is left out; it runs after the model is built.
 */
#include <stdio.h>

#include "tfops.h"

typedef struct scDREAMER {
    int X_dim, z_dim, N_batch, num_layers;
    int g_h_dim[4], d_h_dim[4];
    vs_tensor *x_input, *x_input_, *x_target, *batch_input, *batch_input_,
        *keep_prob, *real_distribution;
    vs_tensor *z, *decoder_output, *decoder_output2;
    vs_var *x_post_r;
} scDREAMER;

static vs_tensor *lrelu(vs_graph *g, vs_tensor *x)
{
    return tf_like(g, "Maximum", x);
}

static vs_tensor *dense(vs_graph *g, vs_tensor *x, int inp_dim, int out_dim, const char *name)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(inp_dim, out_dim), .initializer = vs_init_glorot_uniform()); // expect: duplicate-variable
        vs_var *bias = vs_get_variable(g, "bias", .shape = VS_SHAPE(out_dim), .initializer = vs_init_constant(0.0));
        if (weights && bias)
            out = vs_add(g, vs_matmul(g, x, vs_value(weights)), vs_value(bias), .name = "matmul");
    }
    return out;
}

typedef struct enc_out {
    vs_tensor *h, *z_post_m, *z_post_v, *l_post_m, *l_post_v;
} enc_out;

static enc_out encoder(vs_graph *g, scDREAMER *self, vs_tensor *x, bool reuse)
{
    enc_out r = {0};
    char name[64];
    VS_VARIABLE_SCOPE_AS(scope, g, "Encoder") {
        if (reuse)
            vs_reuse_variables(scope);
        vs_tensor *h = tf_like(g, "dropout", lrelu(g, dense(g, x, self->X_dim + self->N_batch, self->g_h_dim[0], "enc_h0_lin")));
        for (int i = 1; i < self->num_layers; i++) {
            snprintf(name, sizeof name, "enc_h%d_lin", i);
            h = tf_like(g, "dropout", lrelu(g, dense(g, h, self->g_h_dim[i - 1], self->g_h_dim[i], name)));
        }
        snprintf(name, sizeof name, "enc_z_post_m%d_lin", self->num_layers);
        r.z_post_m = dense(g, h, self->g_h_dim[self->num_layers - 1], self->z_dim, name);
        snprintf(name, sizeof name, "enc_z_post_v%d_lin", self->num_layers);
        r.z_post_v = tf_like(g, "Exp", dense(g, h, self->g_h_dim[self->num_layers - 1], self->z_dim, name));
        snprintf(name, sizeof name, "enc_h%d_lin", self->num_layers);
        h = tf_like(g, "Relu", dense(g, h, self->g_h_dim[self->num_layers - 1], self->z_dim, name));
        snprintf(name, sizeof name, "enc_l_post_m%d_lin", self->num_layers);
        r.l_post_m = dense(g, h, self->z_dim, 1, name);
        snprintf(name, sizeof name, "enc_l_post_v%d_lin", self->num_layers);
        r.l_post_v = tf_like(g, "Exp", dense(g, h, self->z_dim, 1, name));
        r.h = h;
    }
    return r;
}

static vs_tensor *decoder(vs_graph *g, scDREAMER *self, vs_tensor *z, bool reuse)
{
    vs_tensor *h = NULL;
    char name[64];
    VS_VARIABLE_SCOPE_AS(scope, g, "Decoder") {
        if (reuse)
            vs_reuse_variables(scope);
        snprintf(name, sizeof name, "dec_h%d_lin", self->num_layers - 1);
        h = tf_like(g, "dropout", lrelu(g, dense(g, z, self->z_dim + self->N_batch, self->g_h_dim[self->num_layers - 1], name)));
        for (int i = self->num_layers - 2; i >= 0; i--) {
            snprintf(name, sizeof name, "dec_h%d_lin", i);
            h = tf_like(g, "dropout", lrelu(g, dense(g, h, self->g_h_dim[i + 1], self->g_h_dim[i], name)));
        }
    }
    return h;
}

/* discriminator, discriminator2 and discriminatorB differ only in their
 * scope, their layer prefix and their output width */
static vs_tensor *discriminator_any(vs_graph *g, scDREAMER *self, const char *scope_name, const char *prefix,
                                    vs_tensor *z, int z_dim, int out_dim, bool reuse)
{
    vs_tensor *output = NULL;
    char name[64];
    VS_VARIABLE_SCOPE_AS(scope, g, scope_name) {
        if (reuse)
            vs_reuse_variables(scope);
        snprintf(name, sizeof name, "%s_h%d_lin", prefix, self->num_layers - 1);
        vs_tensor *h = tf_like(g, "dropout", lrelu(g, dense(g, z, z_dim, self->d_h_dim[self->num_layers - 1], name)));
        for (int i = self->num_layers - 2; i >= 0; i--) {
            snprintf(name, sizeof name, "%s_h%d_lin", prefix, i);
            h = tf_like(g, "dropout", lrelu(g, dense(g, h, self->d_h_dim[i + 1], self->d_h_dim[i], name)));
        }
        snprintf(name, sizeof name, "%s_output", prefix);
        output = dense(g, h, self->d_h_dim[0], out_dim, name);
    }
    return output;
}

static void build_model(vs_graph *g, scDREAMER *self)
{
    self->x_input = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->X_dim), .name = "Input");
    self->x_input_ = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->X_dim), .name = "Input");
    self->x_target = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->X_dim), .name = "Target");
    self->batch_input = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->N_batch), .name = "batch_input");
    self->batch_input_ = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->N_batch), .name = "batch_input");
    self->keep_prob = vs_placeholder(g, VS_FLOAT32, NULL, .name = "keep_prob");
    self->real_distribution = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, self->z_dim), .name = "Real_distribution");

    vs_tensor *in1[2] = {self->x_input, self->batch_input};
    vs_tensor *in2[2] = {self->x_input_, self->batch_input_};
    vs_tensor *enc_input = tf_concat(g, in1, 2, 1);
    vs_tensor *enc_input_ = tf_concat(g, in2, 2, 1);
    enc_out e = encoder(g, self, enc_input, false);
    enc_out e_ = encoder(g, self, enc_input_, true);
    (void)e_;

    vs_tensor *expression = self->x_input;
    self->z = tf_like(g, "sample_gaussian", e.z_post_m);
    vs_tensor *dec_in[2] = {self->z, self->batch_input};
    self->decoder_output = decoder(g, self, tf_concat(g, dec_in, 2, 1), false);
    int n_input = (int)vs_tensor_shape(expression)->dims[1];

    vs_tensor *x_post_scale = tf_like(g, "Softmax", dense(g, self->decoder_output, self->g_h_dim[0], n_input, "dec_x_post_scale"));
    self->x_post_r = vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(n_input)), .name = "dec_x_post_r");
    vs_tensor *x_post_dropout = dense(g, self->decoder_output, self->g_h_dim[0], n_input, "dec_x_post_dropout");
    self->decoder_output2 = tf_like(g, "Sigmoid", dense(g, self->decoder_output, self->g_h_dim[0], self->X_dim, "dec_output2"));
    (void)x_post_scale, (void)x_post_dropout;

    discriminator_any(g, self, "Discriminator", "dis", self->real_distribution, self->z_dim, 1, false);
    discriminator_any(g, self, "Discriminator", "dis", self->z, self->z_dim, 1, true);
    discriminator_any(g, self, "Discriminator2", "dis2", self->x_target, self->X_dim, 1, false);
    discriminator_any(g, self, "Discriminator2", "dis2", self->decoder_output2, self->X_dim, 1, true);
    discriminator_any(g, self, "discriminatorB", "disb", self->z, self->z_dim, self->N_batch, false);
}

static void notebook_cell(vs_graph *g)
{
    scDREAMER dreamer = {.X_dim = 2000, .z_dim = 10, .N_batch = 3, .num_layers = 1,
                         .g_h_dim = {512, 256, 0, 0}, .d_h_dim = {512, 256, 0, 0}};
    build_model(g, &dreamer);
}

int main(void)
{
    vs_graph *g = vs_graph_new();   /* the kernel's default graph */
    notebook_cell(g);
    notebook_cell(g);               /* "When I run scDreamer more than once" */
    vs_graph_free(g);
    return 0;
}
