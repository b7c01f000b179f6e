/* graph-reads: an optimizer finds what to act on with
 * vs_graph_variables() and creates a "momentum" slot per variable in
 * scope "opt/<variable's scope>"; each slot name is new.  No run fails. */
#include <stdio.h>
#include <string.h>

#include "varscope.h"

static void add_slots(vs_graph *g)
{
    vs_var *vars[16];
    size_t n = vs_graph_variables(g, vars, 16);
    char base[64];
    VS_VARIABLE_SCOPE(g, "opt") {
        for (size_t i = 0; i < n && i < 16; i++) {
            snprintf(base, sizeof base, "%s", vs_var_name(vars[i]));
            char *colon = strchr(base, ':');
            if (colon)
                *colon = '\0';
            VS_VARIABLE_SCOPE(g, base) {
                vs_get_variable(g, "momentum", .shape = vs_var_shape(vars[i]));
            }
        }
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "net") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3));
        vs_get_variable(g, "b", .shape = VS_SHAPE(3));
    }
    add_slots(g);
    vs_graph_free(g);
    return 0;
}
