/* c-idioms: scope names are prepared in a two-dimensional char array
 * (one row per tower, filled by snprintf in a first loop) and used in a
 * second loop.  The rows are 8 bytes: "tower_10" and "tower_11" do not
 * fit and are both cut to "tower_1", which tower 1 also has: the tower
 * of i == 10 creates tower_1/w again. */
#include <stdio.h>

#include "varscope.h"

enum { N_TOWERS = 12 };

int main(void)
{
    char names[N_TOWERS][8];
    for (int i = 0; i < N_TOWERS; i++)
        snprintf(names[i], sizeof names[i], "tower_%d", i);
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < N_TOWERS; i++) {
        VS_VARIABLE_SCOPE(g, names[i]) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
