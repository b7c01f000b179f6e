/* control-shapes: scope names printed into a variable-length array sized
 * from the prefix (`char name[strlen(prefix) + 8]`), one per layer;
 * the layers are numbered, so every name differs: no run fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>
#include <string.h>

#include "varscope.h"

static void layers(vs_graph *g, const char *prefix, int n)
{
    for (int i = 0; i < n; i++) {
        char name[strlen(prefix) + 8];
        snprintf(name, sizeof name, "%s_%d", prefix, i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    layers(g, "encoder_block", argc);
    vs_graph_free(g);
    return 0;
}
