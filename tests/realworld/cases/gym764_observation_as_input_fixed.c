/* realworld: gym764_observation_as_input (fixed)
 *
 * Source: https://github.com/openai/gym/issues/764 (see the failing
 *   program's header).
 * Fix (ours; the thread has none): the model is built on the placeholder
 *   of shape [None, 8], and each observation is fed to it at run time
 *   (feed_dict={inputPlaceholder: obs[None]}), so the layers see rank 2.
 */
#include "varscope.h"

enum { obs_dim = 8, n_actions = 4 };

static void env_reset(float *obs)
{
    for (int i = 0; i < obs_dim; i++)
        obs[i] = 0.0f;
}

static vs_tensor *create_model(vs_graph *g, vs_tensor *inputPlaceholder)
{
    vs_tensor *x = vs_fully_connected(g, inputPlaceholder, 64, .activation = VS_ACT_RELU);
    vs_tensor *y = x ? vs_fully_connected(g, x, 32, .activation = VS_ACT_RELU) : NULL;
    return y ? vs_fully_connected(g, y, n_actions, .activation = VS_ACT_NONE) : NULL;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *inputPlaceholder = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, obs_dim));
    vs_tensor *q_vals = create_model(g, inputPlaceholder);
    float obs[obs_dim];
    env_reset(obs);                       /* fed to inputPlaceholder at sess.run */
    (void)q_vals;
    vs_graph_free(g);
    return 0;
}
