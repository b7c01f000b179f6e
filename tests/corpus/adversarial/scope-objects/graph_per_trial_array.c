/* scope-objects: two graphs kept in an array (one per trial), each built
 * with the same model; the second trial builds into gs[1]... unless argc
 * is 2, where a copy-paste builds it into gs[0] again and the model's
 * weight is created twice in that graph. */
// oracle-input: argc 1 2
#include "varscope.h"

static void model(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *gs[2] = {vs_graph_new(), vs_graph_new()};
    model(gs[0]);
    model(gs[argc > 1 ? 0 : 1]);
    vs_graph_free(gs[0]);
    vs_graph_free(gs[1]);
    return 0;
}
