/* api-models: a tower loop passes the string its name scope returned
 * ("tower_0/") as the model's variable scope, and turns reuse on after
 * the first tower: tower_1//w does not exist. */
#include <stdio.h>

#include "varscope.h"

static void model(vs_graph *g, const char *scope)
{
    VS_VARIABLE_SCOPE(g, scope) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3)); // expect: missing-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 2; i++) {
        char name[16];
        snprintf(name, sizeof name, "tower_%d", i);
        const char *ns = vs_name_scope_enter(g, name);
        if (!ns)
            break;
        model(g, ns);
        vs_reuse_variables(vs_get_variable_scope(g));
        vs_scope_exit(g);
    }
    vs_graph_free(g);
    return 0;
}
