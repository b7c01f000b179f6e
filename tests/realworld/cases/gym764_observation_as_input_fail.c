/* realworld: gym764_observation_as_input (failing)
 *
 * Source: https://github.com/openai/gym/issues/764
 *   ("Input size to fully_connected() throws an error in Lunar Lander").
 * TF raised (quoted from the report):
 *   ValueError: Input 0 of layer fully_connected is incompatible with the
 *   layer: : expected min_ndim=2, found ndim=1. Full shape received: [8]
 * Original Python (from the report):
 *   def createModel(self, observation_input, scope='train'):
 *       inputPlaceholder = tf.placeholder(tf.float32,
 *           shape=[None] + list(self.env.observation_space.shape))
 *       inputPlaceholder = observation_input
 *       x = layers.fully_connected(inputPlaceholder, 64, activation_fn=tf.nn.relu)
 *       y = layers.fully_connected(x, 32, activation_fn=tf.nn.relu)
 *       q_vals = layers.fully_connected(y, env.action_space.n, activation_fn=None)
 *       return q_vals
 *   # train():
 *   obs = env.reset()
 *   self.createModel(obs, scope)
 * Why: the placeholder is overwritten by the observation itself, a numpy
 *   array of shape (8,) that fully_connected converts to a rank-1
 *   constant; its Dense layer's input spec asks for rank 2 or more
 *   (layers/core.py: InputSpec(min_ndim=2)), checked before any variable
 *   is made.
 * Library calls: vs_placeholder, vs_constant_f32, vs_fully_connected.
 * Translation: LunarLander-v2's observation has 8 floats and 4 actions;
 *   env.reset() is a function that fills the observation.
 */
#include "varscope.h"

enum { obs_dim = 8, n_actions = 4 };

static void env_reset(float *obs)
{
    for (int i = 0; i < obs_dim; i++)
        obs[i] = 0.0f;
}

static vs_tensor *create_model(vs_graph *g, vs_tensor *observation_input)
{
    vs_tensor *inputPlaceholder = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, obs_dim));
    inputPlaceholder = observation_input;
    vs_tensor *x = vs_fully_connected(g, inputPlaceholder, 64, .activation = VS_ACT_RELU); // expect: invalid-argument
    vs_tensor *y = x ? vs_fully_connected(g, x, 32, .activation = VS_ACT_RELU) : NULL;
    return y ? vs_fully_connected(g, y, n_actions, .activation = VS_ACT_NONE) : NULL;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    float obs[obs_dim];
    env_reset(obs);
    vs_tensor *q_vals = create_model(g, vs_constant_f32(g, obs_dim, obs));
    (void)q_vals;
    vs_graph_free(g);
    return 0;
}
