/* long-loops: a 40 x 40 grid of cells (1,600 inner turns in all), each
 * its own scope; the last cell's weight is shared afterwards.  No run
 * fails. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[16];
    for (int r = 0; r < 40; r++) {
        for (int c = 0; c < 40; c++) {
            snprintf(name, sizeof name, "cell_%d_%d", r, c);
            VS_VARIABLE_SCOPE(g, name) {
                vs_get_variable(g, "w", .shape = VS_SCALAR);
            }
        }
    }
    VS_VARIABLE_SCOPE(g, "cell_39_39", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SCALAR);
    }
    vs_graph_free(g);
    return 0;
}
