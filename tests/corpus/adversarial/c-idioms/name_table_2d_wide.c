/* c-idioms: as name_table_2d.c with rows wide enough (16 bytes) and the
 * numbers zero-padded ("tower_%02d"): twelve distinct towers, no run
 * fails. */
#include <stdio.h>

#include "varscope.h"

enum { N_TOWERS = 12 };

int main(void)
{
    char names[N_TOWERS][16];
    for (int i = 0; i < N_TOWERS; i++)
        snprintf(names[i], sizeof names[i], "tower_%02d", i);
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < N_TOWERS; i++) {
        VS_VARIABLE_SCOPE(g, names[i]) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    vs_graph_free(g);
    return 0;
}
