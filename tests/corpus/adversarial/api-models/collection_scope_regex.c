/* api-models: one optimizer for two sub-networks, their variables
 * collected with a regular expression "(encoder|decoder)/": both lists
 * are found, no run fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 8));
    vs_tensor *h = NULL;
    VS_VARIABLE_SCOPE(g, "encoder") {
        h = vs_dense(g, x, 4, .name = "fc");
    }
    VS_VARIABLE_SCOPE(g, "decoder") {
        h = vs_dense(g, h, 8, .name = "fc");
    }
    VS_VARIABLE_SCOPE(g, "critic") {
        vs_dense(g, h, 1, .name = "fc");
    }
    const vs_var_list *ae_vars = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "(encoder|decoder)/");
    vs_minimize(g, vs_adam_optimizer(g), vs_reduce_mean(g, h), .var_list = ae_vars);
    vs_graph_free(g);
    return 0;
}
