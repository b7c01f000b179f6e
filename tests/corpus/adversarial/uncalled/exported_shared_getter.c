/* uncalled: a model "library" file exports model_shared_weight() for
 * clients that call it after model_build(); this program's main only
 * builds.  On a fresh graph the getter would ask for model/w under reuse
 * before it exists, but no run calls it: no run fails. */
#include "varscope.h"

void model_build(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
    }
}

vs_var *model_shared_weight(vs_graph *g)
{
    vs_var *w = NULL;
    VS_VARIABLE_SCOPE(g, "model", .reuse = VS_REUSE) {
        w = vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
    }
    return w;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    model_build(g);
    vs_graph_free(g);
    return 0;
}
