/* realworld: pgdnn2_var_list_before_build (failing)
 *
 * Source: https://github.com/Salingo/PGDNN/issues/2 ("iGEN-NET: ValueError:
 *   No variables to optimize."); code: Code/iGEN-NET/train.py and
 *   network.py (commit b133cbb).
 * TF raised (quoted from the report):
 *   File "train.py", line 91, in <module>
 *     optimizer_ts = tf.train.AdamOptimizer(learning_rate=LEARNING_RATE).minimize(iGEN.ts_loss, var_list=para_ts)
 *   File ".../optimizer.py", line 408, in compute_gradients
 *     raise ValueError("No variables to optimize.")
 *   ValueError: No variables to optimize.
 *   ("I try to print para_ts and para_rec, but both of them are empty.")
 * Original Python (train.py, trimmed):
 *   para_ts = [var for var in tf.trainable_variables() if any(x in var.name for x in ['_e', 'fc_w', 'encoder'])]
 *   para_rec = [var for var in tf.trainable_variables() if any(x in var.name for x in ['_d', 'scale'])]
 *   # setup network
 *   iGEN = network.iGEN(BATCH_SIZE,is_training)
 *   ...
 *   optimizer_ts = tf.train.AdamOptimizer(learning_rate=LEARNING_RATE).minimize(iGEN.ts_loss, var_list=para_ts)
 * Why: the lists are taken from the graph before the network creates any
 *   variable, so both are empty; compute_gradients refuses an empty
 *   var_list (optimizer.py, Optimizer.compute_gradients).
 * Library calls: vs_get_collection (tf.trainable_variables()),
 *   vs_var_name, vs_get_variable with slashed names as network.py's
 *   fc_layer and conv3d_layer make them, vs_name_scope_enter,
 *   vs_adam_optimizer + vs_minimize; tfops.h for conv3d, reshape, the
 *   losses.
 * Translation: BATCH_SIZE 64, DIM 64, CATE_DIM 25.  The network is cut to
 *   the layers the two losses need: the encoder's first conv and its
 *   label branch, fc_e9, and decoder_w (fc_w1..fc_w3, which give ts_loss);
 *   one decoder conv-transpose for rec_loss; batch norm and the spatial
 *   transformer (no variables of their own here) are left out.  The
 *   filter `any(x in var.name ...)` is strstr over each name.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "tfops.h"

enum { BATCH_SIZE = 64, DIM = 64, CATE_DIM = 25, MAX_VARS = 64 };

static const char *const ts_keys[] = {"_e", "fc_w", "encoder"};
static const char *const rec_keys[] = {"_d", "scale"};

static bool name_has_any(const char *name, const char *const *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(name, keys[i]))
            return true;
    return false;
}

static size_t filter_trainable(vs_graph *g, const char *const *keys, size_t nkeys, vs_var **out)
{
    const vs_var_list *all = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    size_t n = 0;
    for (size_t i = 0; i < all->len && n < MAX_VARS; i++)
        if (name_has_any(vs_var_name(all->vars[i]), keys, nkeys))
            out[n++] = all->vars[i];
    return n;
}

typedef struct iGEN {
    vs_tensor *x_sce, *x_obj, *label, *S, *T, *w_scale, *w_trans, *iobj, *rec_loss, *ts_loss, *loss;
} iGEN;

static vs_tensor *fc_layer(vs_graph *g, vs_tensor *inputs, int out_dim, const char *name)
{
    char wname[64], bname[64];
    snprintf(wname, sizeof wname, "%s/weights", name);
    snprintf(bname, sizeof bname, "%s/biases", name);
    vs_tensor *fc = NULL;
    VS_NAME_SCOPE(g, "fc_layer") {
        vs_var *weights = vs_get_variable(g, wname, .dtype = VS_FLOAT32, .shape = VS_SHAPE(vs_tensor_shape(inputs)->dims[1], out_dim), .initializer = vs_init_glorot_uniform());
        vs_var *biases = vs_get_variable(g, bname, .shape = VS_SHAPE(out_dim), .dtype = VS_FLOAT32, .initializer = vs_init_constant(0.0));
        fc = vs_bias_add(g, vs_matmul(g, inputs, vs_value(weights)), vs_value(biases));
    }
    return fc;
}

static vs_tensor *conv3d_layer(vs_graph *g, vs_tensor *inputs, int out_dim, const char *name)
{
    char wname[64];
    snprintf(wname, sizeof wname, "%s/weights", name);
    vs_tensor *conv = NULL;
    VS_NAME_SCOPE(g, "conv_layer") {
        const vs_shape *in = vs_tensor_shape(inputs);
        vs_var *weights = vs_get_variable(g, wname, .shape = VS_SHAPE(4, 4, 4, in->dims[4], out_dim), .initializer = vs_init_glorot_uniform());
        vs_tensor *ins[2] = {inputs, vs_value(weights)};
        conv = tf_op(g, "Conv3D", ins, 2, VS_FLOAT32, VS_SHAPE(in->dims[0], in->dims[1] / 2, in->dims[2] / 2, in->dims[3] / 2, out_dim));
    }
    return conv;
}

static vs_tensor *conv3d_trans_layer(vs_graph *g, vs_tensor *inputs, int out_dim, const vs_shape *output_shape, const char *name)
{
    char wname[64];
    snprintf(wname, sizeof wname, "%s/weights", name);
    vs_tensor *out = NULL;
    VS_NAME_SCOPE(g, "conv_trans_layer") {
        const vs_shape *in = vs_tensor_shape(inputs);
        vs_var *weights = vs_get_variable(g, wname, .shape = VS_SHAPE(4, 4, 4, out_dim, in->dims[in->rank - 1]), .initializer = vs_init_glorot_uniform());
        vs_tensor *ins[2] = {inputs, vs_value(weights)};
        out = tf_op(g, "conv3d_transpose", ins, 2, VS_FLOAT32, output_shape);
    }
    return out;
}

static vs_tensor *encoder(vs_graph *g, iGEN *self)
{
    vs_tensor *out_e1 = vs_relu(g, conv3d_layer(g, self->x_obj, 32, "conv_e1"));
    const vs_shape *s = vs_tensor_shape(out_e1);
    vs_tensor *fx = vs_relu(g, fc_layer(g, tfg_reshape(g, out_e1, VS_SHAPE(BATCH_SIZE, s->dims[1] * s->dims[2] * s->dims[3] * s->dims[4])), 128, "fc_e5"));
    vs_tensor *fc = vs_relu(g, fc_layer(g, self->label, 128, "fc_e6"));
    vs_tensor *both[2] = {fx, fc};
    vs_tensor *z = vs_relu(g, fc_layer(g, tfg_concat(g, both, 2, 1), 256, "fc_e9"));
    return z;
}

static void decoder_w(vs_graph *g, iGEN *self, vs_tensor *z)
{
    vs_tensor *fc_w1 = vs_relu(g, fc_layer(g, z, 64, "fc_w1"));
    vs_tensor *fc_w2 = vs_relu(g, fc_layer(g, fc_w1, 64, "fc_w2"));
    vs_tensor *fc_w3 = fc_layer(g, fc_w2, 4, "fc_w3");
    vs_tensor *in[1] = {fc_w3};
    self->w_scale = tf_op(g, "strided_slice", in, 1, VS_FLOAT32, VS_SHAPE(BATCH_SIZE));
    self->w_trans = tf_op(g, "strided_slice_1", in, 1, VS_FLOAT32, VS_SHAPE(BATCH_SIZE, 3));
}

static void iGEN_init(vs_graph *g, iGEN *self)
{
    VS_NAME_SCOPE(g, "inputs") {
        self->x_sce = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(BATCH_SIZE, DIM, DIM, DIM, 3), .name = "x_sce");
        self->x_obj = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(BATCH_SIZE, DIM, DIM, DIM, 1), .name = "x_obj");
        self->label = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(BATCH_SIZE, CATE_DIM), .name = "label");
        self->S = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(BATCH_SIZE), .name = "S");
        self->T = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(BATCH_SIZE, 3), .name = "T");
    }
    vs_tensor *z = NULL;
    VS_VARIABLE_SCOPE(g, "encoder", .reuse = VS_AUTO_REUSE) {
        z = encoder(g, self);
    }
    VS_VARIABLE_SCOPE(g, "decoder") {
        vs_tensor *d1 = tfg_reshape(g, z, VS_SHAPE(BATCH_SIZE, 1, 1, 1, 256));
        self->iobj = vs_sigmoid(g, conv3d_trans_layer(g, d1, 2, VS_SHAPE(BATCH_SIZE, DIM, DIM, DIM, 2), "conv_trans_d5"));
        decoder_w(g, self, z);
    }
    VS_NAME_SCOPE(g, "loss") {
        self->rec_loss = tfg_loss(g, "rec_loss", self->iobj, self->x_sce);
        self->ts_loss = vs_add(g, tfg_loss(g, "dis", self->S, self->w_scale), tfg_loss(g, "dis_1", self->T, self->w_trans));
        self->loss = vs_add(g, self->ts_loss, self->rec_loss);
    }
}

int main(void)
{
    const double LEARNING_RATE = 0.0005;
    vs_graph *g = vs_graph_new();
    vs_var *ts_vars[MAX_VARS], *rec_vars[MAX_VARS];
    vs_var_list para_ts = {filter_trainable(g, ts_keys, sizeof ts_keys / sizeof ts_keys[0], ts_vars), ts_vars};
    vs_var_list para_rec = {filter_trainable(g, rec_keys, sizeof rec_keys / sizeof rec_keys[0], rec_vars), rec_vars};

    /* setup network */
    iGEN net;
    iGEN_init(g, &net);
    VS_NAME_SCOPE(g, "train") {
        vs_op *optimizer_ts = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = LEARNING_RATE), net.ts_loss, .var_list = &para_ts); // expect: invalid-argument
        vs_op *optimizer_rec = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = LEARNING_RATE), net.rec_loss, .var_list = &para_rec);
        vs_op *optimizer_all = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = LEARNING_RATE), net.loss);
        (void)optimizer_ts, (void)optimizer_rec, (void)optimizer_all;
    }
    vs_graph_free(g);
    return 0;
}
