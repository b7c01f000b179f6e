/* api-models: one Adam object minimizes the generator's and then the
 * discriminator's loss, and a second Adam the total: slots are made once
 * per (variable, optimizer) and the second optimizer's are made unique
 * (w/Adam_1): no run fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4));
    vs_tensor *gen = NULL, *dis = NULL;
    VS_VARIABLE_SCOPE(g, "gen") {
        gen = vs_dense(g, x, 4, .name = "fc");
    }
    VS_VARIABLE_SCOPE(g, "dis") {
        dis = vs_dense(g, gen, 1, .name = "fc");
    }
    vs_optimizer *adam = vs_adam_optimizer(g, .learning_rate = 1e-4);
    const vs_var_list *g_vars = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "gen");
    const vs_var_list *d_vars = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "dis");
    vs_minimize(g, adam, vs_reduce_mean(g, dis), .var_list = g_vars);
    vs_minimize(g, adam, vs_reduce_mean(g, dis), .var_list = d_vars);
    vs_minimize(g, vs_adam_optimizer(g), vs_reduce_mean(g, dis));
    vs_graph_free(g);
    return 0;
}
