/* designators: a scope wrapper giving .dtype = VS_FLOAT32 as default
 * before the caller's .dtype = VS_INT32: the scope's dtype is int32, so
 * its counter is int32, and the later share that gives no .dtype (and so
 * asks float32) fails with missing-dtype. */
#include "varscope.h"

#define COUNTER_SCOPE(g, name, ...) \
    VS_VARIABLE_SCOPE((g), (name), .dtype = VS_FLOAT32, __VA_ARGS__)

int main(void)
{
    vs_graph *g = vs_graph_new();
    COUNTER_SCOPE(g, "counters", .dtype = VS_INT32) {
        vs_get_variable(g, "steps", .shape = VS_SCALAR, .initializer = vs_init_zeros());
    }
    VS_VARIABLE_SCOPE(g, "counters", .reuse = VS_REUSE) {
        vs_get_variable(g, "steps"); // expect: missing-dtype
    }
    vs_graph_free(g);
    return 0;
}
