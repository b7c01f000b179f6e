/* api-models: a helper prefixes its variables with the current name
 * scope (vs_current_name_scope, "tower_0/"), so each tower gets its own
 * "tower_i/w" -- distinct names, no run fails, even with reuse never
 * set. */
#include <stdio.h>

#include "varscope.h"

static void tower_var(vs_graph *g)
{
    char name[64];
    snprintf(name, sizeof name, "%sw", vs_current_name_scope(g));
    vs_get_variable(g, name, .shape = VS_SHAPE(2, 2));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 3; i++) {
        char ns[16];
        snprintf(ns, sizeof ns, "tower_%d", i);
        VS_NAME_SCOPE(g, ns) {
            tower_var(g);
        }
    }
    vs_graph_free(g);
    return 0;
}
