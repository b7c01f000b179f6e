/* designators: the team's wrapper puts its defaults first and the
 * caller's keywords after them, so a keyword the caller gives overrides
 * the default (C: the last initializer of a field wins).  global_step
 * is created as int64 and later shared with .dtype = VS_INT64: no run
 * fails. */
#include "varscope.h"

#define counter_var(g, name, ...) \
    vs_get_variable((g), (name), .dtype = VS_FLOAT32, .shape = VS_SCALAR, \
                    .initializer = vs_init_zeros(), __VA_ARGS__)

int main(void)
{
    vs_graph *g = vs_graph_new();
    counter_var(g, "global_step", .dtype = VS_INT64);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "global_step", .dtype = VS_INT64);
    }
    vs_graph_free(g);
    return 0;
}
