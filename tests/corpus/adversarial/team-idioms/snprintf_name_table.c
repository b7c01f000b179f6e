/* team-idioms: a table of layer names built with snprintf in a loop
 * ("layer_00" ... "layer_03"), then one scope per name: every name is
 * distinct, no run fails. */
#include <stdio.h>

#include "varscope.h"

enum { N_LAYERS = 4 };

int main(void)
{
    char names[N_LAYERS][16];
    for (int i = 0; i < N_LAYERS; i++)
        snprintf(names[i], sizeof names[i], "layer_%02d", i);
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < N_LAYERS; i++) {
        VS_VARIABLE_SCOPE(g, names[i]) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
        }
    }
    vs_graph_free(g);
    return 0;
}
