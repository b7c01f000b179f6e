/* realworld: baselines651_two_trpo_models (failing)
 *
 * Source: https://github.com/openai/baselines/issues/651 ("Scope
 *   issues"; code: baselines/trpo_mpi/trpo_mpi.py, common/policies.py,
 *   common/models.py, common/distributions.py and a2c/utils.py at
 *   28aca63, the report's day).
 * TF raised: the report says the two calls below are "enough to crash"
 *   ("the TF scope is being reused"); TF's message for the call that
 *   fails is
 *   ValueError: Variable pi/pi/w already exists, disallowed. Did you mean
 *   to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 * Original Python (the report, then baselines, trimmed):
 *   model1 = baselines.trpo_mpi.trpo_mpi.learn(network='mlp', env=env, total_timesteps=0,)
 *   model2 = baselines.trpo_mpi.trpo_mpi.learn(network='mlp', env=env, total_timesteps=0,)
 *   # trpo_mpi.learn:
 *   U.get_session(...)                                 # a session on the default graph
 *   policy = build_policy(env, network, value_network='copy', **network_kwargs)
 *   ob = observation_placeholder(ob_space)
 *   with tf.variable_scope("pi"): pi = policy(observ_placeholder=ob)
 *   with tf.variable_scope("oldpi"): oldpi = policy(observ_placeholder=ob)
 *   ... all_var_list = get_trainable_variables("pi"); var_list = get_pi_trainable_variables("pi") ...
 *   # policies.build_policy(env, policy_network, value_network=None, ...):
 *   if isinstance(policy_network, str):
 *       policy_network = get_network_builder(network_type)(**policy_kwargs)
 *   def policy_fn(nbatch=None, nsteps=None, sess=None, observ_placeholder=None):
 *       encoded_x = encode_observation(ob_space, X)
 *       with tf.variable_scope('pi', reuse=tf.AUTO_REUSE):
 *           policy_latent = policy_network(encoded_x)
 *       _v_net = policy_network if value_network == 'copy' else ...
 *       with tf.variable_scope('vf', reuse=tf.AUTO_REUSE):
 *           vf_latent = _v_net(encoded_x)
 *       return PolicyWithValue(env=env, observations=X, latent=policy_latent, vf_latent=vf_latent, ...)
 *   return policy_fn
 *   # PolicyWithValue.__init__: self.pd, self.pi = self.pdtype.pdfromlatent(latent, init_scale=0.01)
 *   #     (CategoricalPdType: fc(latent_vector, 'pi', self.ncat, ...)); self.vf = fc(vf_latent, 'vf', 1)
 *   # models: @register("mlp") def mlp(num_layers=2, num_hidden=64, activation=tf.tanh):
 *   #     def network_fn(X): h = tf.layers.flatten(X); for i in range(num_layers):
 *   #         h = activation(fc(h, 'mlp_fc{}'.format(i), nh=num_hidden, init_scale=np.sqrt(2)))
 *   #     get_network_builder(name): return mapping[name]
 *   # a2c.utils.fc(x, scope, nh): with tf.variable_scope(scope):
 *   #     w = tf.get_variable("w", [nin, nh]); b = tf.get_variable("b", [nh])
 * Why: both models are built in the one default graph.  The networks
 *   themselves sit under AUTO_REUSE scopes (pi/pi/mlp_fc0, pi/vf/mlp_fc0)
 *   and are silently shared by the second call, but the policy head's
 *   fc 'pi' is under the plain "pi" scope of learn(), so the second call
 *   creates pi/pi/w again.  (The thread: "#547 suggests using a new
 *   graph"; pull request #655 lets each model have its own.)
 * Library calls: vs_variable_scope_enter (block form, AUTO_REUSE),
 *   vs_get_variable, vs_flatten, vs_get_collection, vs_var_name;
 *   tfops.h.  The network registry is a table of builder functions looked
 *   up by name; builders return closures (function pointer + parameters),
 *   as models.py's register/get_network_builder and build_policy do.
 * Translation: CartPole-v0 (the thread's example): observations Box(4,),
 *   actions Discrete(2); ortho_init is an initializer of the same shape;
 *   the TRPO losses, flat gradients and MpiAdam make no TF variable and
 *   are left out.
 */
#include <stdio.h>
#include <string.h>

#include "tfops.h"

typedef struct env {
    int ob_dim, n_actions;
} env;

struct network;
typedef vs_tensor *(*network_fn)(vs_graph *g, const struct network *net, vs_tensor *X);

typedef struct network {
    network_fn fn;
    int num_layers, num_hidden;
} network;

typedef struct policy_with_value {
    vs_tensor *X, *pi, *vf;
} policy_with_value;

typedef struct policy_builder {
    const env *env;
    network policy_network;
    const char *value_network;
} policy_builder;

/* a2c.utils.fc */
static vs_tensor *fc(vs_graph *g, vs_tensor *x, const char *scope, int nh, double init_bias)
{
    vs_tensor *out = NULL;
    if (!x)
        return NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        int64_t nin = vs_tensor_shape(x)->dims[1];
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(nin, nh), .initializer = vs_init_glorot_uniform()); // expect: duplicate-variable
        vs_var *b = w ? vs_get_variable(g, "b", .shape = VS_SHAPE(nh), .initializer = vs_init_constant(init_bias)) : NULL;
        out = b ? vs_add(g, vs_matmul(g, x, vs_value(w)), vs_value(b)) : NULL;
    }
    return out;
}

/* models.mlp's network_fn */
static vs_tensor *mlp_network_fn(vs_graph *g, const network *net, vs_tensor *X)
{
    vs_tensor *h = vs_flatten(g, X);
    for (int i = 0; i < net->num_layers && h; i++) {
        char scope[24];
        snprintf(scope, sizeof scope, "mlp_fc%d", i);
        h = fc(g, h, scope, net->num_hidden, 0.0);
        h = h ? vs_tanh(g, h) : NULL;
    }
    return h;
}

/* @register("mlp") def mlp(num_layers=2, num_hidden=64, activation=tf.tanh) */
static network mlp(void)
{
    return (network){mlp_network_fn, 2, 64};
}

typedef network (*network_builder)(void);

static const struct {
    const char *name;
    network_builder builder;
} mapping[] = {
    {"mlp", mlp},
};

static network_builder get_network_builder(const char *name)
{
    for (size_t i = 0; i < sizeof mapping / sizeof mapping[0]; i++)
        if (strcmp(mapping[i].name, name) == 0)
            return mapping[i].builder;
    return NULL;
}

/* PolicyWithValue.__init__ */
static policy_with_value policy_with_value_new(vs_graph *g, const env *e, vs_tensor *observations, vs_tensor *latent, vs_tensor *vf_latent)
{
    policy_with_value p = {observations, NULL, NULL};
    vf_latent = vf_latent ? vs_flatten(g, vf_latent) : NULL;
    latent = latent ? vs_flatten(g, latent) : NULL;
    p.pi = fc(g, latent, "pi", e->n_actions, 0.0);          /* CategoricalPdType.pdfromlatent */
    p.vf = p.pi ? fc(g, vf_latent, "vf", 1, 0.0) : NULL;
    return p;
}

/* build_policy(...)'s policy_fn */
static policy_with_value policy_fn(vs_graph *g, const policy_builder *b, vs_tensor *observ_placeholder)
{
    vs_tensor *encoded_x = observ_placeholder;
    vs_tensor *policy_latent = NULL, *vf_latent = NULL;
    VS_VARIABLE_SCOPE(g, "pi", .reuse = VS_AUTO_REUSE) {
        policy_latent = b->policy_network.fn(g, &b->policy_network, encoded_x);
    }
    const network *v_net = strcmp(b->value_network, "copy") == 0 ? &b->policy_network : NULL;
    if (v_net) {
        VS_VARIABLE_SCOPE(g, "vf", .reuse = VS_AUTO_REUSE) {
            vf_latent = v_net->fn(g, v_net, encoded_x);
        }
    } else {
        vf_latent = policy_latent;
    }
    return policy_with_value_new(g, b->env, observ_placeholder, policy_latent, vf_latent);
}

static policy_builder build_policy(const env *e, const char *policy_network, const char *value_network)
{
    network_builder builder = get_network_builder(policy_network);
    policy_builder b = {e, {NULL, 0, 0}, value_network};
    if (builder)
        b.policy_network = builder();
    return b;
}

static size_t count_with_prefix(const vs_var_list *vars, const char *prefix)
{
    size_t n = 0;
    for (size_t i = 0; vars && i < vars->len; i++)
        if (strncmp(vs_var_name(vars->vars[i]), prefix, strlen(prefix)) == 0)
            n++;
    return n;
}

/* trpo_mpi.learn(network=..., env=env, total_timesteps=0) */
static policy_with_value learn(vs_graph *g, const char *network_name, const env *e)
{
    policy_builder policy = build_policy(e, network_name, "copy");
    vs_tensor *ob = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, e->ob_dim), .name = "Ob");
    policy_with_value pi = {NULL, NULL, NULL}, oldpi = {NULL, NULL, NULL};
    if (!policy.policy_network.fn)
        return pi;
    VS_VARIABLE_SCOPE(g, "pi") {
        pi = policy_fn(g, &policy, ob);
    }
    VS_VARIABLE_SCOPE(g, "oldpi") {
        oldpi = policy_fn(g, &policy, ob);
    }
    const vs_var_list *all = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    size_t all_var_list = count_with_prefix(all, "pi/");       /* get_trainable_variables("pi") */
    size_t var_list = count_with_prefix(all, "pi/pi/");       /* get_pi_trainable_variables("pi") */
    size_t vf_var_list = count_with_prefix(all, "pi/vf/");    /* get_vf_trainable_variables("pi") */
    (void)all_var_list, (void)var_list, (void)vf_var_list, (void)oldpi;
    return pi;
}

int main(void)
{
    static const env cartpole = {4, 2};
    vs_graph *g = vs_graph_new();
    policy_with_value model1 = learn(g, "mlp", &cartpole);
    policy_with_value model2 = learn(g, "mlp", &cartpole);
    (void)model1, (void)model2;
    vs_graph_free(g);
    return 0;
}
