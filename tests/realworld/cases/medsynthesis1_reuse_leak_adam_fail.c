/* realworld: medsynthesis1_reuse_leak_adam (failing)
 *
 * Source: https://github.com/ginobilinie/medSynthesis/issues/1
 *   (code: g_model.py, utils.py, main.py at da1d82d, the commit before
 *   the report; TF 1.4).
 * TF raised (quoted from the report):
 *   File "/home/aryan/Downloads/medSynthesis/g_model.py", line 79, in build_model
 *     .minimize(self.d_loss, var_list=self.d_vars)
 *   ...
 *   ValueError: Variable d_conv_dis_1_a/w/Adam/ does not exist
 * Original Python (trimmed):
 *   def build_model(self):
 *       self.inputMR = tf.placeholder(tf.float32, shape=[None, 64, 64, 5])
 *       self.CT_GT = tf.placeholder(tf.float32, shape=[None, 48, 48, 1])
 *       self.train_phase = tf.placeholder(tf.bool, name='phase_train')
 *       self.G, self.layer = self.generator(self.inputMR, batch_size_tf)
 *       self.D, self.D_logits = self.discriminator(self.CT_GT)
 *       self.D_, self.D_logits_ = self.discriminator(self.G, reuse=True)
 *       self.d_loss = d_loss_real + d_loss_fake
 *       self.global_step = tf.Variable(0, name='global_step', trainable=False)
 *       self.g_loss, ... = self.combined_loss_G(batch_size_tf)
 *       t_vars = tf.trainable_variables()
 *       self.d_vars = [var for var in t_vars if 'd_' in var.name]
 *       self.g_vars = [var for var in t_vars if 'g_' in var.name]
 *       self.d_optim = tf.train.AdamOptimizer(self.learning_rate, beta1=0.5) \
 *                         .minimize(self.d_loss, var_list=self.d_vars)           # line 79
 *       self.g_optim = tf.train.AdamOptimizer(...).minimize(self.g_loss, var_list=self.g_vars,
 *                                                         global_step=self.global_step)
 *   def discriminator(self, inputCT, reuse=False):
 *       if reuse:
 *           tf.get_variable_scope().reuse_variables()
 *       h0 = conv_op_bn(inputCT, name="d_conv_dis_1_a", kh=5, kw=5, n_out=32, ..., padding='VALID')
 *       m0 = mpool_op(h0, 'pool0', kh=2, kw=2, dh=2, dw=2)
 *       ... d_conv2_dis_a, pool1, d_conv3_dis_a, d_conv4_dis_a, d_fc1, d_fc2, d_fc3
 *   # utils.conv_op_bn: variable_scope(name): "w" (_variable_with_weight_decay:
 *   #   get_variable + an L2 loss in the 'losses' collection), "b"
 *   #   (get_variable(initializer=tf.constant(0.0, shape=[n_out]))), then
 *   #   tf.contrib.layers.batch_norm(..., center=False, scale=False,
 *   #   activation_fn=tf.nn.relu, updates_collections=None, scope='batch_norm')
 *   # utils.fullyconnected_op: variable_scope(name): "w" [n_inputs, n_out], "b"
 * Why: discriminator(reuse=True) calls reuse_variables() on the root
 *   variable scope, so the reuse stays on for the rest of build_model;
 *   the first Adam's slot creator then looks up d_conv_dis_1_a/w/Adam
 *   (the first variable of d_vars) under reuse and finds nothing.
 * Library calls: vs_get_variable, vs_variable_scope_enter (block form),
 *   vs_reuse_variables, vs_get_collection, vs_var_name, vs_adam_optimizer,
 *   vs_minimize; tfcontrib.h for contrib's batch_norm; tfops.h.
 * Translation: main.py's sizes (sizeMR 64 with 5 slices, sizeCT 48,
 *   batch 10); the generator's nine conv_op_bn/conv_op layers; the lp and
 *   gdl losses are one loss op of G and the CT; xavier_init's uniform
 *   range (per layer in the original) is a fixed range here, which has no
 *   effect on scoping; tf.device, summaries and the saver make no variable
 *   and are left out.
 */
#include <stdbool.h>
#include <string.h>

#include "tfcontrib.h"
#include "tfops.h"

#define MAXV 64

typedef struct var_list {
    size_t n;
    vs_var *v[MAXV];
} var_list;

static vs_var *variable_with_weight_decay(vs_graph *g, const char *name, const vs_shape *shape)
{
    vs_var *var = vs_get_variable(g, name, .shape = shape, .dtype = VS_FLOAT32, .initializer = vs_init_random_uniform(-0.05, 0.05));
    if (var) {
        vs_tensor *ins[1] = {vs_value(var)};
        vs_tensor *weight_decay = tf_op(g, "weight_loss", ins, 1, VS_FLOAT32, VS_SCALAR);
        (void)weight_decay;               /* tf.add_to_collection('losses', ...) */
    }
    return var;
}

static vs_var *bias(vs_graph *g, int64_t n_out)
{
    static const float zeros[512];
    return vs_get_variable(g, "b", .initializer = vs_init_value(vs_constant(g, VS_FLOAT32, VS_SHAPE(n_out), zeros)));
}

static vs_tensor *conv_op(vs_graph *g, vs_tensor *input_op, const char *name, int kh, int kw, int n_out, bool same, bool bn)
{
    vs_tensor *z = NULL;
    if (!input_op)
        return NULL;
    VS_VARIABLE_SCOPE(g, name) {
        int64_t n_in = vs_tensor_shape(input_op)->dims[3];
        vs_var *kernel = variable_with_weight_decay(g, "w", VS_SHAPE(kh, kw, n_in, n_out));
        vs_tensor *conv = tfg_conv2d(g, input_op, kernel, 1, same);
        vs_var *biases = conv ? bias(g, n_out) : NULL;
        vs_tensor *out_conv = biases ? vs_bias_add(g, conv, vs_value(biases)) : NULL;
        z = bn && out_conv ? tfc_batch_norm(g, out_conv, .no_center = true, .activation = VS_ACT_RELU, .no_updates_collections = true, .scope = "batch_norm") : out_conv;
    }
    return z;
}

static vs_tensor *fullyconnected_op(vs_graph *g, vs_tensor *input_op, const char *name, int n_out, bool activation)
{
    vs_tensor *z = NULL;
    if (!input_op)
        return NULL;
    const vs_shape *s = vs_tensor_shape(input_op);
    int64_t n_inputs = 1;
    for (int d = 1; d < s->rank; d++)
        n_inputs *= s->dims[d];
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *W = variable_with_weight_decay(g, "w", VS_SHAPE(n_inputs, n_out));
        vs_var *biases = W ? bias(g, n_out) : NULL;
        vs_tensor *x = s->rank > 2 ? tfg_reshape(g, input_op, VS_SHAPE(-1, n_inputs)) : input_op;
        z = biases ? vs_add(g, vs_matmul(g, x, vs_value(W)), vs_value(biases)) : NULL;
        if (z && activation)
            z = vs_relu(g, z);
    }
    return z;
}

static vs_tensor *generator(vs_graph *g, vs_tensor *inputMR)
{
    vs_tensor *conv1_a = conv_op(g, inputMR, "g_conv1_a", 7, 7, 128, false, true);
    vs_tensor *conv2_a = conv_op(g, conv1_a, "g_conv2_a", 5, 5, 128, false, true);
    vs_tensor *conv3_a = conv_op(g, conv2_a, "g_conv3_a", 3, 3, 256, false, true);
    vs_tensor *conv4_a = conv_op(g, conv3_a, "g_conv4_a", 3, 3, 256, false, true);
    vs_tensor *conv5_a = conv_op(g, conv4_a, "g_conv5_a", 3, 3, 128, false, true);
    vs_tensor *conv6_a = conv_op(g, conv5_a, "g_conv6_a", 3, 3, 128, true, true);
    vs_tensor *conv7_a = conv_op(g, conv6_a, "g_conv7_a", 3, 3, 128, true, true);
    vs_tensor *conv8_a = conv_op(g, conv7_a, "g_conv8_a", 3, 3, 64, true, true);
    return conv_op(g, conv8_a, "g_conv9_a", 3, 3, 1, true, false);
}

static vs_tensor *discriminator(vs_graph *g, vs_tensor *inputCT, bool reuse)
{
    if (reuse)
        vs_reuse_variables(vs_get_variable_scope(g));
    vs_tensor *h0 = conv_op(g, inputCT, "d_conv_dis_1_a", 5, 5, 32, false, true);
    vs_tensor *m0 = tfg_pool(g, "pool0", h0, 2, 2, 1);
    vs_tensor *h1 = conv_op(g, m0, "d_conv2_dis_a", 5, 5, 64, false, true);
    vs_tensor *m1 = tfg_pool(g, "pool1", h1, 2, 2, 1);
    vs_tensor *h2 = conv_op(g, m1, "d_conv3_dis_a", 5, 5, 128, false, true);
    vs_tensor *h3 = conv_op(g, h2, "d_conv4_dis_a", 5, 5, 256, false, true);
    vs_tensor *fc1 = fullyconnected_op(g, h3, "d_fc1", 512, true);
    vs_tensor *fc2 = fullyconnected_op(g, fc1, "d_fc2", 128, true);
    return fullyconnected_op(g, fc2, "d_fc3", 1, false);
}

static vs_var_list filter(const vs_var_list *t_vars, const char *key, var_list *out)
{
    out->n = 0;
    for (size_t i = 0; t_vars && i < t_vars->len && out->n < MAXV; i++)
        if (strstr(vs_var_name(t_vars->vars[i]), key))
            out->v[out->n++] = t_vars->vars[i];
    return (vs_var_list){out->n, out->v};
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *inputMR = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 64, 64, 5));
    vs_tensor *CT_GT = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 48, 48, 1));
    vs_tensor *G = generator(g, inputMR);
    vs_tensor *D_logits = discriminator(g, CT_GT, false);
    vs_tensor *D_logits_ = discriminator(g, G, true);
    vs_tensor *d_loss = vs_add(g, tfg_loss(g, "sigmoid_cross_entropy_with_logits", D_logits, NULL), tfg_loss(g, "sigmoid_cross_entropy_with_logits", D_logits_, NULL));
    vs_var *global_step = vs_variable(g, vs_scalar_i32(g, 0), .name = "global_step", .not_trainable = true);
    vs_tensor *lp_gdl = tfg_loss(g, "lp_gdl_loss", G, CT_GT);
    vs_tensor *g_loss = vs_add(g, lp_gdl, tfg_loss(g, "sigmoid_cross_entropy_with_logits", D_logits_, NULL));
    const vs_var_list *t_vars = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    var_list dv, gv;
    vs_var_list d_vars = filter(t_vars, "d_", &dv);
    vs_var_list g_vars = filter(t_vars, "g_", &gv);
    vs_op *d_optim = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 1e-6, .beta1 = 0.5), d_loss, .var_list = &d_vars); // expect: missing-variable
    vs_op *g_optim = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 1e-6, .beta1 = 0.5), g_loss, .var_list = &g_vars, .global_step = global_step);
    (void)d_optim, (void)g_optim;
    vs_graph_free(g);
    return 0;
}
