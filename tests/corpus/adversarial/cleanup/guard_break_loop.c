/* cleanup: a guard in a search loop; break leaves the loop body, and the
 * guard closes that turn's scope.  A second loop without the guard uses
 * a block form and breaks out of it: that scope stays open (scope-leak). */
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
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, "probe_%d", i);
        vs_graph *guard __attribute__((cleanup(close_scope))) =
            vs_variable_scope_enter(g, name) ? g : NULL;
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        if (i == 2)
            break;
    }
    for (int i = 0; i < 4; i++) {
        VS_VARIABLE_SCOPE(g, "search") { // expect: scope-leak
            if (i == 0)
                break;
        }
    }
    vs_graph_free(g);
    return 0;
}
