/* long-loops: the loop creates w0 .. w1199; a later "fix-up" creates
 * w1150 again without reuse, and fails. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[16];
    for (int i = 0; i < 1200; i++) {
        snprintf(name, sizeof name, "w%d", i);
        vs_get_variable(g, name, .shape = VS_SCALAR);
    }
    vs_get_variable(g, "w1150", .shape = VS_SCALAR); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
