/* cleanup: a guard inside a loop body runs at the end of every turn (and
 * on continue), so each tower's scope is closed before the next opens:
 * tower_0, tower_1, tower_2 at the root.  No run fails. */
#include <stdio.h>

#include "varscope.h"

static void close_scope(vs_graph **gp)
{
    if (*gp)
        vs_scope_exit(*gp);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[24];
    for (int t = 0; t < 3; t++) {
        snprintf(name, sizeof name, "tower_%d", t);
        vs_graph *guard __attribute__((cleanup(close_scope))) =
            vs_variable_scope_enter(g, name) ? g : NULL;
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        if (t == 1)
            continue;
        vs_get_variable(g, "b", .shape = VS_SHAPE(2));
    }
    VS_VARIABLE_SCOPE(g, "tower_2", .reuse = VS_REUSE) {
        vs_get_variable(g, "b", .shape = VS_SHAPE(2));
    }
    vs_graph_free(g);
    return 0;
}
