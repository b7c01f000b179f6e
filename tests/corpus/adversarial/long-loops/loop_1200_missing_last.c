/* long-loops: 1,200 rows created, but the export pass shares row 1200
 * (one past the last): missing-variable on every run. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[16];
    VS_VARIABLE_SCOPE(g, "rows") {
        for (int i = 0; i < 1200; i++) {
            snprintf(name, sizeof name, "r%d", i);
            vs_get_variable(g, name, .shape = VS_SCALAR);
        }
    }
    VS_VARIABLE_SCOPE(g, "rows", .reuse = VS_REUSE) {
        snprintf(name, sizeof name, "r%d", 1200);
        vs_get_variable(g, name, .shape = VS_SCALAR); // expect: missing-variable
    }
    vs_graph_free(g);
    return 0;
}
