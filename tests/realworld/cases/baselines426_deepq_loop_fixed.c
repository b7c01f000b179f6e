/* realworld: baselines426_deepq_loop (fixed)
 *
 * Source: https://github.com/openai/baselines/issues/426 (see the failing
 *   program's header).
 * Fix (the thread): each iteration builds in its own graph
 *   (with tf.Graph().as_default(): deepq.learn(...)).  The session that
 *   learn() enters is not modelled.
 */
#include <stdio.h>

#include "tfops.h"

typedef vs_tensor *(*q_func_t)(vs_graph *g, vs_tensor *inpt, int num_actions, const char *scope, bool reuse, const void *user);

typedef struct mlp_args {
    int nhiddens;
    int hiddens[4];
} mlp_args;

/* deepq/models.py _mlp */
static vs_tensor *mlp_q_func(vs_graph *g, vs_tensor *inpt, int num_actions, const char *scope, bool reuse, const void *user)
{
    const mlp_args *a = user;
    vs_tensor *q_out = NULL;
    VS_VARIABLE_SCOPE(g, scope, .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_tensor *out = inpt;
        for (int i = 0; i < a->nhiddens; i++) {
            out = vs_fully_connected(g, out, a->hiddens[i], .activation = VS_ACT_NONE);
            out = vs_relu(g, out);
        }
        q_out = vs_fully_connected(g, out, num_actions, .activation = VS_ACT_NONE);
    }
    return q_out;
}

static int obs_dim = 4;

static vs_tensor *make_obs_ph(vs_graph *g, const char *name)
{
    return vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, obs_dim), .name = name);
}

/* deepq/build_graph.py build_act */
static vs_tensor *build_act(vs_graph *g, q_func_t q_func, const void *q_user, int num_actions, const char *scope, vs_reuse reuse)
{
    vs_tensor *output_actions = NULL;
    VS_VARIABLE_SCOPE(g, scope, .reuse = reuse) {
        vs_tensor *observations_ph = make_obs_ph(g, "observation");
        vs_tensor *stochastic_ph = vs_placeholder(g, VS_BOOL, VS_SCALAR, .name = "stochastic");
        vs_tensor *update_eps_ph = vs_placeholder(g, VS_FLOAT32, VS_SCALAR, .name = "update_eps");
        vs_var *eps = vs_get_variable(g, "eps", .shape = VS_SCALAR, .initializer = vs_init_constant(0));
        vs_tensor *q_values = q_func(g, observations_ph, num_actions, "q_func", false, q_user);
        vs_tensor *in[4] = {q_values, stochastic_ph, update_eps_ph, eps ? vs_value(eps) : NULL};
        output_actions = q_values && eps ? tf_op(g, "cond", in, 4, VS_INT64, VS_SHAPE(-1)) : NULL;
    }
    return output_actions;
}

/* deepq/build_graph.py build_train */
static vs_op *build_train(vs_graph *g, q_func_t q_func, const void *q_user, int num_actions, vs_optimizer *optimizer, const char *scope, vs_reuse reuse)
{
    vs_tensor *act_f = build_act(g, q_func, q_user, num_actions, scope, reuse);
    (void)act_f;
    vs_op *optimize_expr = NULL;
    VS_VARIABLE_SCOPE(g, scope, .reuse = reuse) {
        vs_tensor *obs_t_input = make_obs_ph(g, "obs_t");
        vs_tensor *act_t_ph = vs_placeholder(g, VS_INT32, VS_SHAPE(-1), .name = "action");
        vs_tensor *rew_t_ph = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1), .name = "reward");
        vs_tensor *obs_tp1_input = make_obs_ph(g, "obs_tp1");
        vs_tensor *done_mask_ph = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1), .name = "done");
        vs_tensor *importance_weights_ph = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1), .name = "weight");
        (void)act_t_ph, (void)rew_t_ph, (void)done_mask_ph;

        vs_tensor *q_t = q_func(g, obs_t_input, num_actions, "q_func", true, q_user);
        char prefix[256];
        snprintf(prefix, sizeof prefix, "%s/q_func", vs_scope_name(vs_get_variable_scope(g)));
        const vs_var_list *q_func_vars = vs_get_collection(g, VS_GLOBAL_VARIABLES, .scope = prefix);
        vs_tensor *q_tp1 = q_func(g, obs_tp1_input, num_actions, "target_q_func", false, q_user);
        (void)q_tp1;
        /* double_q */
        vs_tensor *q_tp1_using_online_net = q_func(g, obs_tp1_input, num_actions, "q_func", true, q_user);
        (void)q_tp1_using_online_net;
        vs_tensor *weighted_error = vs_reduce_mean(g, vs_multiply(g, importance_weights_ph, tfg_loss(g, "huber_loss", q_t, NULL)));
        optimize_expr = vs_minimize(g, optimizer, weighted_error, .var_list = q_func_vars);
    }
    return optimize_expr;
}

/* deepq/simple.py learn */
static void learn(vs_graph *g, q_func_t q_func, const void *q_user, double lr)
{
    int num_actions = 2;
    vs_op *train = build_train(g, q_func, q_user, num_actions, vs_adam_optimizer(g, .learning_rate = lr), "deepq", VS_REUSE_INHERIT);
    (void)train;
}

int main(void)
{
    static const mlp_args model = {1, {64}};
    static const double lrs[] = {1e-3, 5e-4};
    for (int i = 0; i < 2; i++) {
        vs_graph *g = vs_graph_new(); /* with tf.Graph().as_default(): */
        learn(g, mlp_q_func, &model, lrs[i]);
        vs_graph_free(g);
    }
    return 0;
}
