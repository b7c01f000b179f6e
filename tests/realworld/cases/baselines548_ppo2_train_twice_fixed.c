/* realworld: baselines548_ppo2_train_twice (fixed)
 *
 * Source: https://github.com/openai/baselines/issues/548
 * Fix (ours; the notebook fix tf859's thread gives): the training cell
 *   starts from a fresh default graph (tf.reset_default_graph(), as a
 *   restarted kernel has), so the second Model makes its slots anew.
 */
#include "tfops.h"

enum { nenvs = 8, nsteps = 128, nminibatches = 4, n_actions = 6 };

static vs_graph *default_graph;

/* a2c/utils.conv (NHWC, VALID, bias [1, nf, 1, 1]) */
static vs_tensor *conv(vs_graph *g, vs_tensor *x, const char *scope, int nf, int rf, int stride)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        int64_t nin = vs_tensor_shape(x)->dims[3];
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(rf, rf, nin, nf), .initializer = vs_init_glorot_uniform());
        vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(1, nf, 1, 1), .initializer = vs_init_constant(0));
        vs_tensor *in[1] = {vs_value(b)};
        vs_tensor *bb = tf_op(g, "Reshape", in, 1, VS_FLOAT32, VS_SHAPE(1, 1, 1, nf));
        out = vs_add(g, tfg_conv2d(g, x, w, stride, 0), bb);
    }
    return out;
}

/* a2c/utils.fc */
static vs_tensor *fc(vs_graph *g, vs_tensor *x, const char *scope, int nh)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        int64_t nin = vs_tensor_shape(x)->dims[1];
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(nin, nh), .initializer = vs_init_glorot_uniform());
        vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(nh), .initializer = vs_init_constant(0));
        out = vs_add(g, vs_matmul(g, x, vs_value(w)), vs_value(b));
    }
    return out;
}

static vs_tensor *nature_cnn(vs_graph *g, vs_tensor *unscaled_images)
{
    vs_tensor *in[1] = {unscaled_images};
    vs_tensor *scaled = tf_op(g, "truediv", in, 1, VS_FLOAT32, vs_tensor_shape(unscaled_images));
    vs_tensor *h = vs_relu(g, conv(g, scaled, "c1", 32, 8, 4));
    vs_tensor *h2 = vs_relu(g, conv(g, h, "c2", 64, 4, 2));
    vs_tensor *h3 = vs_relu(g, conv(g, h2, "c3", 64, 3, 1));
    const vs_shape *s = vs_tensor_shape(h3);
    h3 = tfg_reshape(g, h3, VS_SHAPE(s->dims[0], s->dims[1] * s->dims[2] * s->dims[3]));
    return vs_relu(g, fc(g, h3, "fc1", 512));
}

typedef struct Policy {
    vs_tensor *pi, *vf;
} Policy;

/* policies.build_policy's policy_fn, with PolicyWithValue's heads */
static Policy policy(vs_graph *g, int nbatch)
{
    vs_tensor *X = vs_placeholder(g, VS_INT32, VS_SHAPE(nbatch, 84, 84, 4), .name = "Ob");
    vs_tensor *in[1] = {X};
    vs_tensor *encoded_x = tf_op(g, "Cast", in, 1, VS_FLOAT32, vs_tensor_shape(X));
    vs_tensor *policy_latent = NULL;
    VS_VARIABLE_SCOPE(g, "pi", .reuse = VS_AUTO_REUSE) {
        policy_latent = nature_cnn(g, encoded_x);
    }
    Policy p;
    p.pi = fc(g, policy_latent, "pi", n_actions);
    p.vf = fc(g, policy_latent, "vf", 1);
    return p;
}

static void Model_init(vs_graph *g, int nbatch_act, int nbatch_train)
{
    Policy act_model, train_model;
    VS_VARIABLE_SCOPE(g, "ppo2_model", .reuse = VS_AUTO_REUSE) {
        act_model = policy(g, nbatch_act);
        train_model = policy(g, nbatch_train);
    }
    (void)act_model;
    vs_tensor *loss = vs_add(g, tfg_loss(g, "pg_loss", train_model.pi, NULL), tfg_loss(g, "vf_loss", train_model.vf, NULL));
    const vs_var_list *params = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "ppo2_model");
    vs_optimizer *trainer = vs_adam_optimizer(g, .learning_rate = 3e-4, .epsilon = 1e-5);
    vs_op *train = vs_minimize(g, trainer, loss, .var_list = params);
    (void)train;
}

/* the notebook's cell: model, _ = train(args, extra_args) */
static void cell(void)
{
    vs_graph_free(default_graph);         /* tf.reset_default_graph() */
    default_graph = vs_graph_new();
    int nbatch = nenvs * nsteps;
    Model_init(default_graph, nenvs, nbatch / nminibatches);   /* make_model() */
}

int main(void)
{
    default_graph = vs_graph_new();
    cell();
    cell();                               /* run again */
    vs_graph_free(default_graph);
    return 0;
}
