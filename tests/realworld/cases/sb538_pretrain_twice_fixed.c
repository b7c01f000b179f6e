/* realworld: sb538_pretrain_twice (fixed)
 *
 * Source: https://github.com/hill-a/stable-baselines/issues/538 (see the
 *   failing program's header).
 * Fix (ours: the maintainers confirmed the bug and asked for a pull
 *   request; stable-baselines 2 never changed pretrain()): the 'pretrain'
 *   scope is entered with reuse=tf.AUTO_REUSE, so the second pretrain()'s
 *   optimizer shares the slots of the first.
 */
#include <math.h>
#include <stdio.h>

#include "tfops.h"

/* a2c/utils.py linear */
static vs_tensor *linear(vs_graph *g, vs_tensor *input_tensor, const char *scope, int n_hidden, double init_scale, double init_bias)
{
    vs_tensor *out = NULL;
    (void)init_scale;
    VS_VARIABLE_SCOPE(g, scope) {
        int64_t n_input = vs_tensor_shape(input_tensor)->dims[1];
        vs_var *weight = vs_get_variable(g, "w", .shape = VS_SHAPE(n_input, n_hidden), .initializer = vs_init_random_normal(0, 1));
        vs_var *bias = vs_get_variable(g, "b", .shape = VS_SHAPE(n_hidden), .initializer = vs_init_constant(init_bias));
        out = vs_add(g, vs_matmul(g, input_tensor, vs_value(weight)), vs_value(bias));
    }
    return out;
}

typedef struct MlpPolicy {
    vs_tensor *obs_ph, *processed_obs, *value_fn, *deterministic_action, *q_value;
} MlpPolicy;

static void mlp_extractor(vs_graph *g, vs_tensor *flat_observations, vs_tensor **latent_policy, vs_tensor **latent_value)
{
    static const int pi_layers[] = {64, 64}, vf_layers[] = {64, 64};
    *latent_policy = *latent_value = flat_observations;
    for (int idx = 0; idx < 2; idx++) {
        char name[32];
        snprintf(name, sizeof name, "pi_fc%d", idx);
        *latent_policy = vs_tanh(g, linear(g, *latent_policy, name, pi_layers[idx], sqrt(2.0), 0.0));
        snprintf(name, sizeof name, "vf_fc%d", idx);
        *latent_value = vs_tanh(g, linear(g, *latent_value, name, vf_layers[idx], sqrt(2.0), 0.0));
    }
}

static void MlpPolicy_init(vs_graph *g, MlpPolicy *self, int ob_dim, int ac_dim, bool reuse)
{
    VS_VARIABLE_SCOPE(g, "input", .reuse = VS_REUSE_INHERIT) {
        self->obs_ph = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, ob_dim), .name = "Ob");
        self->processed_obs = tfg_like(g, "Cast", self->obs_ph);
    }
    VS_VARIABLE_SCOPE(g, "model", .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_tensor *pi_latent, *vf_latent;
        mlp_extractor(g, vs_flatten(g, self->processed_obs), &pi_latent, &vf_latent);
        self->value_fn = linear(g, vf_latent, "vf", 1, 1.0, 0.0);
        /* DiagGaussianProbabilityDistributionType.proba_distribution_from_latent */
        vs_tensor *mean = linear(g, pi_latent, "pi", ac_dim, 0.01, 0.0);
        vs_var *logstd = vs_get_variable(g, "pi/logstd", .shape = VS_SHAPE(1, ac_dim), .initializer = vs_init_zeros());
        (void)logstd;
        self->q_value = linear(g, vf_latent, "q", ac_dim, 0.01, 0.0);
        self->deterministic_action = mean; /* proba_distribution.mode() */
    }
}

typedef struct PPO2 {
    MlpPolicy act_model;
    vs_tensor *action_ph;
    const vs_var_list *params;
    vs_op *train;
} PPO2;

static void setup_model(vs_graph *g, PPO2 *self)
{
    MlpPolicy_init(g, &self->act_model, 3, 1, false);
    vs_tensor *loss = NULL;
    VS_VARIABLE_SCOPE(g, "loss", .reuse = VS_REUSE_INHERIT) {
        self->action_ph = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 1), .name = "action_ph");
        vs_tensor *pg_loss = tfg_loss(g, "pg_loss", self->act_model.deterministic_action, self->action_ph);
        vs_tensor *vf_loss = vs_reduce_mean(g, vs_square(g, self->act_model.value_fn));
        loss = vs_add(g, pg_loss, vf_loss);
        self->params = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "model");
    }
    vs_optimizer *trainer = vs_adam_optimizer(g, .learning_rate = 2.5e-4, .epsilon = 1e-5);
    self->train = vs_minimize(g, trainer, loss, .var_list = self->params);
}

/* common/base_class.py BaseRLModel.pretrain, continuous actions */
static vs_op *pretrain(vs_graph *g, PPO2 *self, double learning_rate, double adam_epsilon)
{
    vs_op *optim_op = NULL;
    VS_VARIABLE_SCOPE(g, "pretrain", .reuse = VS_AUTO_REUSE) {
        vs_tensor *actions_ph = self->action_ph, *deterministic_actions_ph = self->act_model.deterministic_action;
        vs_tensor *loss = vs_reduce_mean(g, vs_square(g, vs_subtract(g, actions_ph, deterministic_actions_ph)));
        vs_optimizer *optimizer = vs_adam_optimizer(g, .learning_rate = learning_rate, .epsilon = adam_epsilon);
        optim_op = vs_minimize(g, optimizer, loss, .var_list = self->params);
    }
    return optim_op;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    PPO2 model;
    setup_model(g, &model);
    pretrain(g, &model, 1e-4, 1e-8);
    /* some code that changes values in the dataset */
    pretrain(g, &model, 1e-4, 1e-8);
    vs_graph_free(g);
    return 0;
}
