/* team-idioms: the name table is built with "block_%d" of i / 2 (the
 * author meant two variables per block, but makes one scope per entry):
 * the second entry repeats "block_0" and its "w" already exists. */
#include <stdio.h>

#include "varscope.h"

enum { N_LAYERS = 4 };

int main(void)
{
    char names[N_LAYERS][16];
    for (int i = 0; i < N_LAYERS; i++)
        snprintf(names[i], sizeof names[i], "block_%d", i / 2);
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < N_LAYERS; i++) {
        VS_VARIABLE_SCOPE(g, names[i]) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
