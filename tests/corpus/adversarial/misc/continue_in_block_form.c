/* misc: `continue` inside a block form that is inside a loop: the block
 * form is itself a one-pass for loop, so continue ends its pass, and its
 * increment expression exits the scope (the header says so).  Towers 0-2
 * each skip their bias at t == 1; every scope is closed.  No run fails. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[24];
    for (int t = 0; t < 3; t++) {
        snprintf(name, sizeof name, "tower_%d", t);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
            if (t == 1)
                continue;
            vs_get_variable(g, "b", .shape = VS_SHAPE(2));
        }
    }
    vs_graph_free(g);
    return 0;
}
