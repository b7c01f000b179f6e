/* realworld: digitsgan4_tower_reuse_adam (failing)
 *
 * Source: https://github.com/gheinrich/DIGITS-GAN/pull/4 ("fix leak
 *   reuse", zh794390558, 2017-07-19, TF 1.2.1: citing
 *   tensorflow/tensorflow#6220 and tensorflow/models#901; the maintainer
 *   points to DIGITS' own fix of digits/tools/tensorflow/model.py).
 * TF raised: the pull request quotes no message; the failure it fixes is
 *   tensorflow#6220's, the optimizer's slots made under the reuse the
 *   tower loop left on (TF 1.15's text for this program):
 *   ValueError: Variable wc1/Adam/ does not exist, or was not created
 *   with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in
 *   VarScope?
 * Original Python (digits/tools/tensorflow/model.py of the fork, trimmed;
 *   the user network is the repository's standard-networks/tensorflow/
 *   lenet.py):
 *   def create_model_from_template(self, network_template):
 *       available_devices = digits.get_available_gpus()
 *       if not available_devices:
 *           available_devices.append('/cpu:0')
 *       ...
 *       grad_towers = []
 *       with tf.name_scope(self.GraphKeys['MODEL']):
 *           for dev_i, dev_name in enumerate(available_devices):
 *               with tf.device(dev_name):
 *                   with tf.name_scope('tower_%d' % dev_i) as scope_tower:
 *                       model_params = {'x': batch_x_split[dev_i], 'input_shape': ...,
 *                                       'nclasses': self.nclasses,
 *                                       'is_training': self.stage == digits.STAGE_TRAIN}
 *                       user_network = network_template(model_params)
 *                       self.inference = user_network['model']
 *                   with tf.name_scope(self.GraphKeys['LOSS']):
 *                       loss_op = user_network['loss'](batch_y_split[dev_i])
 *                       tf.add_to_collection(self.GraphKeys['LOSSES'], loss_op)
 *                       total_tower_loss = tf.add_n(tf.get_collection(self.GraphKeys['LOSSES'], scope_tower), ...)
 *                   # Reuse the variables in this scope for the next tower/device
 *                   tf.get_variable_scope().reuse_variables()
 *                   if self.stage == digits.STAGE_TRAIN:
 *                       grad_tower = self.optimizer.compute_gradients(total_tower_loss)
 *                       grad_towers.append(grad_tower)
 *       if self.stage == digits.STAGE_TRAIN:
 *           grad_avg = grad_towers[0] if len(grad_towers) == 1 else average_gradients(grad_towers)
 *           apply_gradient_op = self.optimizer.apply_gradients(grad_avg, global_step=self.global_step)
 *   @lazy_property
 *   def global_step(self):
 *       return tf.get_variable('global_step', [], initializer=tf.constant_initializer(0), trainable=False)
 *   @lazy_property
 *   def optimizer(self):
 *       if self.optimization == 'sgd': return tf.train.GradientDescentOptimizer(...)
 *       ...
 *       elif self.optimization == 'adam': return tf.train.AdamOptimizer(learning_rate=self.learning_rate)
 * Why: reuse_variables() sets reuse on the root variable scope, and
 *   nothing turns it off: apply_gradients, after the loop, makes Adam's
 *   slots with get_variable under that reuse, and the first (wc1/Adam)
 *   does not exist.  Plain SGD has no slots, which is why the framework
 *   worked until a GAN chose Adam.
 * Fix: ours, tensorflow#6220's answer: the tower loop inside
 *   tf.variable_scope(tf.get_variable_scope()), so that the reuse it
 *   turns on is the re-entered copy's and ends with the loop.
 * Library calls: vs_placeholder, vs_get_variable, vs_get_variable_scope,
 *   vs_reuse_variables, vs_name_scope (block form), vs_matmul, vs_add,
 *   vs_bias_add, vs_relu, the optimizers, vs_minimize (compute_gradients
 *   and apply_gradients: one minimize at the apply_gradients line, where
 *   TF raised; with one device the averaged gradients are the tower's);
 *   conv2d, max_pool, reshape, dropout and the loss through tfops.h.
 * Translation: the model is a struct with its lazy properties as fields
 *   made on first use; the optimizer is chosen by the flag string
 *   (--optimization adam); the user network is a function pointer
 *   returning its model tensor and its loss callback with the captured
 *   model (a closure struct); no GPU: one device, '/cpu:0'.  MNIST
 *   shapes: x [?, 28, 28, 1], 10 classes.  apply_gradients' global_step
 *   is left out: DIGITS' global_step is a float32 get_variable, which
 *   TF 1.15 increments with assign_add (DIGITS trained with it), but
 *   the library's minimize refuses a global_step that is not an
 *   integer, before the slots (reported; TF raised at the slots).
 */
#include "tfops.h"
#include <stdio.h>
#include <string.h>

struct model_params { vs_tensor *x; int input_shape[3]; int nclasses; bool is_training; };

struct user_network;
typedef vs_tensor *(*loss_fn)(vs_graph *g, const struct user_network *net, vs_tensor *y);
struct user_network { vs_tensor *model; loss_fn loss; };
typedef struct user_network (*network_template_fn)(vs_graph *g, const struct model_params *params);

/* ---- standard-networks/tensorflow/lenet.py ---- */

static vs_tensor *conv2d(vs_graph *g, vs_tensor *x, vs_var *w, vs_var *b, int s, int same)
{
    x = tfg_conv2d(g, x, w, s, same);
    x = vs_bias_add(g, x, vs_value(b));
    return vs_relu(g, x);
}

static vs_tensor *lenet_loss(vs_graph *g, const struct user_network *net, vs_tensor *y)
{
    return tfg_loss(g, "classification_loss", net->model, y);   /* digits.classification_loss */
}

static struct user_network lenet(vs_graph *g, const struct model_params *params)
{
    struct user_network out = {NULL, lenet_loss};
    struct { const char *key; vs_var *var; } weights[4] = {
        {"wc1", vs_get_variable(g, "wc1", .shape = VS_SHAPE(5, 5, params->input_shape[2], 20), .initializer = vs_init_glorot_uniform())},
        {"wc2", vs_get_variable(g, "wc2", .shape = VS_SHAPE(5, 5, 20, 50), .initializer = vs_init_glorot_uniform())},
        {"wd1", vs_get_variable(g, "wd1", .shape = VS_SHAPE(4 * 4 * 50, 500), .initializer = vs_init_glorot_uniform())},
        {"out", vs_get_variable(g, "wout", .shape = VS_SHAPE(500, params->nclasses), .initializer = vs_init_glorot_uniform())},
    };
    vs_var *biases[4] = {
        vs_get_variable(g, "bc1", .shape = VS_SHAPE(20), .initializer = vs_init_constant(0.0)),
        vs_get_variable(g, "bc2", .shape = VS_SHAPE(50), .initializer = vs_init_constant(0.0)),
        vs_get_variable(g, "bd1", .shape = VS_SHAPE(500), .initializer = vs_init_constant(0.0)),
        vs_get_variable(g, "bout", .shape = VS_SHAPE(params->nclasses), .initializer = vs_init_constant(0.0)),
    };
    for (int i = 0; i < 4; i++)
        if (!weights[i].var || !biases[i])
            return out;
    vs_tensor *conv1 = conv2d(g, params->x, weights[0].var, biases[0], 1, 0);
    conv1 = tfg_pool(g, "MaxPool", conv1, 2, 2, 0);
    vs_tensor *conv2 = conv2d(g, conv1, weights[1].var, biases[1], 1, 0);
    conv2 = tfg_pool(g, "MaxPool", conv2, 2, 2, 0);
    vs_tensor *fc1 = tfg_reshape(g, conv2, VS_SHAPE(-1, vs_var_shape(weights[2].var)->dims[0]));
    fc1 = vs_relu(g, vs_add(g, vs_matmul(g, fc1, vs_value(weights[2].var)), vs_value(biases[2])));
    if (params->is_training)
        fc1 = tfg_like(g, "dropout", fc1);
    out.model = vs_add(g, vs_matmul(g, fc1, vs_value(weights[3].var)), vs_value(biases[3]));
    return out;
}

/* ---- digits/tools/tensorflow/model.py ---- */

struct model {
    const char *stage;
    const char *optimization;
    char key_model[32], key_loss[32];
    vs_tensor *batch_x, *batch_y;
    vs_tensor *inference;
    vs_var *global_step_var;          /* lazy properties: NULL until used */
    vs_optimizer *optimizer_obj;
    vs_tensor *learning_rate_ph;
    vs_op *train;
};

static vs_var *global_step(vs_graph *g, struct model *m)
{
    if (!m->global_step_var)
        m->global_step_var = vs_get_variable(g, "global_step", .shape = VS_SCALAR, .initializer = vs_init_constant(0), .not_trainable = true);
    return m->global_step_var;
}

static vs_optimizer *optimizer(vs_graph *g, struct model *m)
{
    if (m->optimizer_obj)
        return m->optimizer_obj;
    if (!m->learning_rate_ph)
        m->learning_rate_ph = vs_placeholder(g, VS_FLOAT32, VS_SCALAR, .name = "learning_rate");
    if (strcmp(m->optimization, "sgd") == 0)
        m->optimizer_obj = vs_gradient_descent_optimizer(g, 0.01);
    else if (strcmp(m->optimization, "momentum") == 0)
        m->optimizer_obj = vs_momentum_optimizer(g, 0.01, 0.9);
    else if (strcmp(m->optimization, "adam") == 0)
        m->optimizer_obj = vs_adam_optimizer(g, .learning_rate = 0.01);
    else if (strcmp(m->optimization, "rmsprop") == 0)
        m->optimizer_obj = vs_rmsprop_optimizer(g, 0.01);
    return m->optimizer_obj;
}

static void set_optimizer(vs_graph *g, struct model *m, const char *optimization)
{
    m->optimization = optimization;
    global_step(g, m);   /* touch and initialize the optimizer and global_step */
}

static void create_model_from_template(vs_graph *g, struct model *m, network_template_fn network_template)
{
    const char *available_devices[1] = {"/cpu:0"};   /* digits.get_available_gpus(): none */
    int ndevices = 1;
    vs_tensor *batch_x_split[1] = {m->batch_x}, *batch_y_split[1] = {m->batch_y};
    vs_tensor *grad_towers[1] = {NULL};
    int ntowers = 0;
    VS_NAME_SCOPE(g, m->key_model) {
        for (int dev_i = 0; dev_i < ndevices; dev_i++) {
            (void)available_devices[dev_i];                /* with tf.device(dev_name): */
            struct user_network user_network = {0};
            char tower[16];
            snprintf(tower, sizeof tower, "tower_%d", dev_i);
            VS_NAME_SCOPE(g, tower) {
                struct model_params model_params = {batch_x_split[dev_i], {28, 28, 1}, 10, strcmp(m->stage, "train") == 0};
                user_network = network_template(g, &model_params);
                m->inference = user_network.model;
            }
            vs_tensor *total_tower_loss = NULL;
            VS_NAME_SCOPE(g, m->key_loss) {
                vs_tensor *loss_op = user_network.model ? user_network.loss(g, &user_network, batch_y_split[dev_i]) : NULL;
                total_tower_loss = loss_op ? tfg_like(g, "total_tower_loss", loss_op) : NULL;
            }
            /* Reuse the variables in this scope for the next tower/device */
            vs_reuse_variables(vs_get_variable_scope(g));
            if (strcmp(m->stage, "train") == 0)
                grad_towers[ntowers++] = total_tower_loss;   /* optimizer.compute_gradients */
        }
    }
    if (strcmp(m->stage, "train") == 0 && ntowers == 1 && grad_towers[0]) {
        vs_optimizer *opt = optimizer(g, m);
        m->train = vs_minimize(g, opt, grad_towers[0]); // expect: missing-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    struct model train_model = {.stage = "train"};
    snprintf(train_model.key_model, sizeof train_model.key_model, "model_%s", train_model.stage);
    snprintf(train_model.key_loss, sizeof train_model.key_loss, "loss_%s", train_model.stage);
    VS_NAME_SCOPE(g, "data_train") {
        train_model.batch_x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 28, 28, 1), .name = "batch_x");
        train_model.batch_y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 10), .name = "batch_y");
    }
    set_optimizer(g, &train_model, "adam");
    create_model_from_template(g, &train_model, lenet);
    vs_graph_free(g);
    return 0;
}
