/* api-models: an int32 step counter made under AUTO_REUSE, then looked
 * up again without its dtype (get_variable's default is float32): TF's
 * dtype check fails the second call. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "counters", .reuse = VS_AUTO_REUSE) {
        vs_get_variable(g, "steps", .shape = VS_SCALAR, .dtype = VS_INT32, .initializer = vs_init_zeros());
    }
    VS_VARIABLE_SCOPE(g, "counters", .reuse = VS_AUTO_REUSE) {
        vs_get_variable(g, "steps", .shape = VS_SCALAR); // expect: missing-dtype
    }
    vs_graph_free(g);
    return 0;
}
