/* io-config: GRID ("towers x layers") parsed with sscanf, but the cell
 * names use only the layer number within a tower scope entered by index
 * modulo 2 (a two-GPU box): with three towers ("3x1") tower 2 re-enters
 * tower 0's scope and creates its weight again. */
// oracle-input: env GRID - 2x2 3x1
#include <stdio.h>
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    int towers = 1, layers = 1;
    const char *grid = getenv("GRID");
    if (grid)
        sscanf(grid, "%dx%d", &towers, &layers);
    vs_graph *g = vs_graph_new();
    for (int t = 0; t < towers; t++) {
        char tname[16];
        snprintf(tname, sizeof tname, "gpu%d", t % 2);
        VS_VARIABLE_SCOPE(g, tname) {
            for (int l = 0; l < layers; l++) {
                char lname[16];
                snprintf(lname, sizeof lname, "w%d", l);
                vs_get_variable(g, lname, .shape = VS_SHAPE(2)); // expect: duplicate-variable
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
