/* io-config: the grid of towers x layers from GRID ("2x3") parsed with
 * sscanf; each cell is "t<i>_l<j>", distinct; an unparsable GRID falls
 * back to 1x1: no run fails. */
// oracle-input: env GRID - 2x3 1x4 junk
#include <stdio.h>
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    int towers = 1, layers = 1;
    const char *grid = getenv("GRID");
    if (grid && sscanf(grid, "%dx%d", &towers, &layers) != 2)
        towers = layers = 1;
    vs_graph *g = vs_graph_new();
    for (int t = 0; t < towers; t++)
        for (int l = 0; l < layers; l++) {
            char name[32];
            snprintf(name, sizeof name, "t%d_l%d", t, l);
            VS_VARIABLE_SCOPE(g, name) {
                vs_get_variable(g, "w", .shape = VS_SHAPE(2));
            }
        }
    vs_graph_free(g);
    return 0;
}
