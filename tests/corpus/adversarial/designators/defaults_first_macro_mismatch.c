/* designators: the same wrapper; the caller overrides the dtype to int64,
 * and the evaluation code shares the counter asking for int32: the
 * stored dtype is int64 (the caller's), so the share fails with
 * dtype-mismatch. */
#include "varscope.h"

#define counter_var(g, name, ...) \
    vs_get_variable((g), (name), .dtype = VS_FLOAT32, .shape = VS_SCALAR, \
                    .initializer = vs_init_zeros(), __VA_ARGS__)

int main(void)
{
    vs_graph *g = vs_graph_new();
    counter_var(g, "global_step", .dtype = VS_INT64);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "global_step", .dtype = VS_INT32); // expect: dtype-mismatch
    }
    vs_graph_free(g);
    return 0;
}
