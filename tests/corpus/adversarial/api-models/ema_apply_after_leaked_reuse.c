/* api-models: the model helper turns reuse on for the root scope (to
 * share its tower) and the caller then builds the moving averages: their
 * slots are looked up under reuse and do not exist. */
#include "varscope.h"

static void tower(vs_graph *g, int i)
{
    if (i > 0)
        vs_reuse_variables(vs_get_variable_scope(g));
    VS_VARIABLE_SCOPE(g, "tower") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 2; i++)
        tower(g, i);
    vs_ema *avg = vs_exponential_moving_average(g, 0.99);
    vs_ema_apply(g, avg); // expect: missing-variable
    vs_graph_free(g);
    return 0;
}
