/* graph-reads: the same slot creator called twice (two optimizers on the
 * same model, sharing the "opt" scope): the second call creates
 * opt/net/w/momentum again and fails. */
#include <stdio.h>
#include <string.h>

#include "varscope.h"

static void add_slots(vs_graph *g, size_t upto)
{
    vs_var *vars[16];
    size_t n = vs_graph_variables(g, vars, 16);
    char base[64];
    VS_VARIABLE_SCOPE(g, "opt") {
        for (size_t i = 0; i < n && i < upto; i++) {
            snprintf(base, sizeof base, "%s", vs_var_name(vars[i]));
            *strchr(base, ':') = '\0';
            VS_VARIABLE_SCOPE(g, base) {
                vs_get_variable(g, "momentum", .shape = vs_var_shape(vars[i])); // expect: duplicate-variable
            }
        }
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "net") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3));
    }
    add_slots(g, 1);
    add_slots(g, 1);
    vs_graph_free(g);
    return 0;
}
