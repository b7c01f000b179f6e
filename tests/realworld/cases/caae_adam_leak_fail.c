/* realworld: caae_adam_leak (failing)
 *
 * Source: https://github.com/ZZUTK/Face-Aging-CAAE/issues/4 (traceback in
 *   #2 there; same failure in HuiDingUMD/ExprGAN#7).  Program: FaceAging.py
 *   and ops.py of commit 0547a9c; excerpt beside this file:
 *   caae_adam_leak.py.
 * TF raised (quoted from the reports):
 *   ValueError: Variable E_conv0/w/Adam/ does not exist, or was not created
 *   with tf.get_variable(). Did you mean to set reuse=None in VarScope?
 * Why: discriminator_z(..., reuse_variables=True) calls reuse_variables()
 *   on the root scope; reuse stays on, and the first optimizer's slots
 *   (E_conv0/w/Adam, the first of E_variables + G_variables) are then
 *   looked up instead of created.  (The code was written for r0.12, whose
 *   slots were tf.Variables; from r1.0 they are made with get_variable.)
 * Library calls: tfc_batch_norm (tfcontrib.h, contrib's batch_norm;
 *   scale=False, reuse), the gradient-keeping stand-ins of tfops.h (conv2d,
 *   conv2d_transpose, reshape, tile/concat of the labels, the losses keep the
 *   gradient path), vs_adam_optimizer (.beta1), vs_minimize (.var_list,
 *   .global_step), vs_get_collection.
 * Translation: the constructor's defaults (128-pixel images, batch 100,
 *   kernel 5, 64 encoder channels, z 50, 10 age groups, 1024 generator
 *   channels, tiled labels).  tf.train.exponential_decay's learning rate is
 *   the constant 0.0002 (a tensor there; it makes no variable).  The tv
 *   loss and the summaries are left out.  The r0.12 call forms
 *   (tf.concat(1, ...), sigmoid_cross_entropy_with_logits(logits, labels))
 *   are taken as the reporters fixed them to reach this error.
 */
#include <stdio.h>
#include <string.h>

#include "tfcontrib.h"
#include "tfops.h"

#define MAXV 128

typedef struct var_list {
    size_t n;
    vs_var *v[MAXV];
} var_list;

/* ops.py */
static vs_tensor *conv2d(vs_graph *g, vs_tensor *input_map, int num_output_channels, int size_kernel, int stride, const char *name)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *kernel = vs_get_variable(g, "w", .shape = VS_SHAPE(size_kernel, size_kernel, vs_tensor_shape(input_map)->dims[3], num_output_channels), .dtype = VS_FLOAT32, .initializer = vs_init_truncated_normal(0, 0.02));
        vs_var *biases = vs_get_variable(g, "b", .shape = VS_SHAPE(num_output_channels), .dtype = VS_FLOAT32, .initializer = vs_init_constant(0.0));
        out = vs_bias_add(g, tfg_conv2d(g, input_map, kernel, stride, 1), vs_value(biases));
    }
    return out;
}

static vs_tensor *fc(vs_graph *g, vs_tensor *input_vector, int num_output_length, const char *name)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(vs_tensor_shape(input_vector)->dims[1], num_output_length), .dtype = VS_FLOAT32, .initializer = vs_init_random_normal(0, 0.02));
        vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(num_output_length), .dtype = VS_FLOAT32, .initializer = vs_init_constant(0.0));
        out = vs_add(g, vs_matmul(g, input_vector, vs_value(w)), vs_value(b));
    }
    return out;
}

static vs_tensor *deconv2d(vs_graph *g, vs_tensor *input_map, const vs_shape *output_shape, int size_kernel, const char *name)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        vs_var *kernel = vs_get_variable(g, "w", .shape = VS_SHAPE(size_kernel, size_kernel, output_shape->dims[3], vs_tensor_shape(input_map)->dims[3]), .dtype = VS_FLOAT32, .initializer = vs_init_random_normal(0, 0.02));
        vs_var *biases = vs_get_variable(g, "b", .shape = VS_SHAPE(output_shape->dims[3]), .dtype = VS_FLOAT32, .initializer = vs_init_constant(0.0));
        vs_tensor *ins[2] = {input_map, vs_value(kernel)};
        vs_tensor *deconv = tf_op(g, "conv2d_transpose", ins, 2, VS_FLOAT32, output_shape);
        out = vs_bias_add(g, deconv, vs_value(biases));
    }
    return out;
}

static vs_tensor *concat_label(vs_graph *g, vs_tensor *x, vs_tensor *label, int duplicate)
{
    if (!x || !label || duplicate < 1)
        return x;
    const vs_shape *xs = vs_tensor_shape(x);
    vs_tensor *tiled = tfg_reshape(g, label, VS_SHAPE(vs_tensor_shape(label)->dims[0], vs_tensor_shape(label)->dims[1] * duplicate)); /* tf.tile */
    int64_t n = vs_tensor_shape(tiled)->dims[1];
    if (xs->rank == 2) {
        vs_tensor *parts[2] = {x, tiled};
        return tfg_concat(g, parts, 2, 1);
    }
    vs_tensor *parts[2] = {x, tfg_reshape(g, tiled, VS_SHAPE(xs->dims[0], xs->dims[1], xs->dims[2], n))};
    return tfg_concat(g, parts, 2, 3);
}

typedef struct FaceAging {
    int size_image, size_kernel, size_batch, num_input_channels, num_encoder_channels, num_z_channels, num_categories, num_gen_channels;
    double tile_ratio;
    vs_tensor *input_image, *age, *gender, *z_prior, *z, *G, *D_z_logits, *D_G_logits, *D_z_prior_logits, *D_input_logits;
    vs_tensor *loss_EG, *loss_Dz, *loss_Di;
    var_list E_variables, G_variables, D_z_variables, D_img_variables;
} FaceAging;

static int ilog2(int n)
{
    int l = 0;
    while (n > 1)
        n >>= 1, l++;
    return l;
}

static vs_tensor *encoder(vs_graph *g, FaceAging *self, vs_tensor *image, bool reuse_variables)
{
    if (reuse_variables)
        vs_reuse_variables(vs_get_variable_scope(g));
    int num_layers = ilog2(self->size_image) - self->size_kernel / 2;
    vs_tensor *current = image;
    for (int i = 0; i < num_layers; i++) {
        char name[32];
        snprintf(name, sizeof name, "E_conv%d", i);
        current = conv2d(g, current, self->num_encoder_channels * (1 << i), self->size_kernel, 2, name);
        current = vs_relu(g, current);
    }
    const vs_shape *s = vs_tensor_shape(current);
    current = fc(g, tfg_reshape(g, current, VS_SHAPE(self->size_batch, s->dims[1] * s->dims[2] * s->dims[3])), self->num_z_channels, "E_fc");
    return vs_tanh(g, current);
}

static vs_tensor *generator(vs_graph *g, FaceAging *self, vs_tensor *z, vs_tensor *y, vs_tensor *gender, bool reuse_variables)
{
    if (reuse_variables)
        vs_reuse_variables(vs_get_variable_scope(g));
    int num_layers = ilog2(self->size_image) - self->size_kernel / 2;
    int duplicate = (int)(self->num_z_channels * self->tile_ratio / self->num_categories);
    z = concat_label(g, z, y, duplicate);
    duplicate = (int)(self->num_z_channels * self->tile_ratio / 2);
    z = concat_label(g, z, gender, duplicate);
    int size_mini_map = self->size_image >> num_layers;
    vs_tensor *current = fc(g, z, self->num_gen_channels * size_mini_map * size_mini_map, "G_fc");
    current = tfg_reshape(g, current, VS_SHAPE(-1, size_mini_map, size_mini_map, self->num_gen_channels));
    current = vs_relu(g, current);
    int i;
    char name[32];
    for (i = 0; i < num_layers; i++) {
        snprintf(name, sizeof name, "G_deconv%d", i);
        current = deconv2d(g, current, VS_SHAPE(self->size_batch, size_mini_map << (i + 1), size_mini_map << (i + 1), self->num_gen_channels >> (i + 1)), self->size_kernel, name);
        current = vs_relu(g, current);
    }
    i--; /* Python's loop variable keeps its last value */
    snprintf(name, sizeof name, "G_deconv%d", i + 1);
    current = deconv2d(g, current, VS_SHAPE(self->size_batch, self->size_image, self->size_image, self->num_gen_channels >> (i + 2)), self->size_kernel, name);
    current = vs_relu(g, current);
    snprintf(name, sizeof name, "G_deconv%d", i + 2);
    current = deconv2d(g, current, VS_SHAPE(self->size_batch, self->size_image, self->size_image, self->num_input_channels), self->size_kernel, name);
    return vs_tanh(g, current);
}

static vs_tensor *discriminator_z(vs_graph *g, FaceAging *self, vs_tensor *z, bool is_training, bool reuse_variables)
{
    static const int num_hidden_layer_channels[] = {64, 32, 16};
    (void)self;
    if (reuse_variables)
        vs_reuse_variables(vs_get_variable_scope(g));
    vs_tensor *current = z;
    int i;
    char name[32];
    for (i = 0; i < 3; i++) {
        snprintf(name, sizeof name, "D_z_fc%d", i);
        current = fc(g, current, num_hidden_layer_channels[i], name);
        snprintf(name, sizeof name, "D_z_bn%d", i);
        current = tfc_batch_norm(g, current, .scale = false, .not_training = !is_training, .scope = name, .reuse = reuse_variables ? VS_REUSE : VS_REUSE_INHERIT);
        current = vs_relu(g, current);
    }
    snprintf(name, sizeof name, "D_z_fc%d", i);
    return fc(g, current, 1, name);
}

static vs_tensor *discriminator_img(vs_graph *g, FaceAging *self, vs_tensor *image, vs_tensor *y, vs_tensor *gender, bool is_training, bool reuse_variables)
{
    static const int num_hidden_layer_channels[] = {16, 32, 64, 128};
    if (reuse_variables)
        vs_reuse_variables(vs_get_variable_scope(g));
    vs_tensor *current = image;
    char name[32];
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, "D_img_conv%d", i);
        current = conv2d(g, current, num_hidden_layer_channels[i], self->size_kernel, 2, name);
        snprintf(name, sizeof name, "D_img_bn%d", i);
        current = tfc_batch_norm(g, current, .scale = false, .not_training = !is_training, .scope = name, .reuse = reuse_variables ? VS_REUSE : VS_REUSE_INHERIT);
        current = vs_relu(g, current);
        if (i == 0) {
            current = concat_label(g, current, y, 1);
            current = concat_label(g, current, gender, self->num_categories / 2);
        }
    }
    const vs_shape *s = vs_tensor_shape(current);
    current = fc(g, tfg_reshape(g, current, VS_SHAPE(self->size_batch, s->dims[1] * s->dims[2] * s->dims[3])), 1024, "D_img_fc1");
    current = tfg_like(g, "Maximum", current); /* lrelu */
    return fc(g, current, 1, "D_img_fc2");
}

static void filter(const vs_var_list *tvars, const char *key, var_list *out)
{
    out->n = 0;
    for (size_t i = 0; tvars && i < tvars->len && out->n < MAXV; i++)
        if (strstr(vs_var_name(tvars->vars[i]), key))
            out->v[out->n++] = tvars->vars[i];
}

static void FaceAging_init(vs_graph *g, FaceAging *self)
{
    self->input_image = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->size_batch, self->size_image, self->size_image, self->num_input_channels), .name = "input_images");
    self->age = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->size_batch, self->num_categories), .name = "age_labels");
    self->gender = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->size_batch, 2), .name = "gender_labels");
    self->z_prior = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->size_batch, self->num_z_channels), .name = "z_prior");

    self->z = encoder(g, self, self->input_image, false);
    self->G = generator(g, self, self->z, self->age, self->gender, false);
    self->D_z_logits = discriminator_z(g, self, self->z, true, false);
    self->D_G_logits = discriminator_img(g, self, self->G, self->age, self->gender, true, false);
    self->D_z_prior_logits = discriminator_z(g, self, self->z_prior, true, true);
    self->D_input_logits = discriminator_img(g, self, self->input_image, self->age, self->gender, true, true);

    vs_tensor *EG_loss = tfg_loss(g, "Mean", vs_subtract(g, self->input_image, self->G), NULL); /* L1 */
    vs_tensor *D_z_loss_prior = tfg_loss(g, "Mean", self->D_z_prior_logits, NULL);
    vs_tensor *D_z_loss_z = tfg_loss(g, "Mean", self->D_z_logits, NULL);
    vs_tensor *E_z_loss = tfg_loss(g, "Mean", self->D_z_logits, NULL);
    vs_tensor *D_img_loss_input = tfg_loss(g, "Mean", self->D_input_logits, NULL);
    vs_tensor *D_img_loss_G = tfg_loss(g, "Mean", self->D_G_logits, NULL);
    vs_tensor *G_img_loss = tfg_loss(g, "Mean", self->D_G_logits, NULL);
    self->loss_EG = vs_add(g, vs_add(g, EG_loss, G_img_loss), E_z_loss);
    self->loss_Dz = vs_add(g, D_z_loss_prior, D_z_loss_z);
    self->loss_Di = vs_add(g, D_img_loss_input, D_img_loss_G);

    const vs_var_list *trainable_variables = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    filter(trainable_variables, "E_", &self->E_variables);
    filter(trainable_variables, "G_", &self->G_variables);
    filter(trainable_variables, "D_z_", &self->D_z_variables);
    filter(trainable_variables, "D_img_", &self->D_img_variables);
}

static void train(vs_graph *g, FaceAging *self, double learning_rate, double beta1)
{
    vs_var *EG_global_step = vs_variable(g, vs_scalar_i32(g, 0), .name = "global_step", .not_trainable = true);
    vs_var *eg[2 * MAXV];
    size_t n = 0;
    for (size_t i = 0; i < self->E_variables.n; i++)
        eg[n++] = self->E_variables.v[i];
    for (size_t i = 0; i < self->G_variables.n; i++)
        eg[n++] = self->G_variables.v[i];
    vs_var_list EG_vars = {n, eg};
    vs_var_list Dz_vars = {self->D_z_variables.n, self->D_z_variables.v};
    vs_var_list Di_vars = {self->D_img_variables.n, self->D_img_variables.v};

    vs_op *EG_optimizer = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = learning_rate, .beta1 = beta1), self->loss_EG, .global_step = EG_global_step, .var_list = &EG_vars); // expect: missing-variable
    vs_op *D_z_optimizer = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = learning_rate, .beta1 = beta1), self->loss_Dz, .var_list = &Dz_vars);
    vs_op *D_img_optimizer = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = learning_rate, .beta1 = beta1), self->loss_Di, .var_list = &Di_vars);
    (void)EG_optimizer, (void)D_z_optimizer, (void)D_img_optimizer;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    static FaceAging model = {.size_image = 128, .size_kernel = 5, .size_batch = 100, .num_input_channels = 3, .num_encoder_channels = 64, .num_z_channels = 50, .num_categories = 10, .num_gen_channels = 1024, .tile_ratio = 1.0};
    FaceAging_init(g, &model);
    train(g, &model, 0.0002, 0.5);
    vs_graph_free(g);
    return 0;
}
