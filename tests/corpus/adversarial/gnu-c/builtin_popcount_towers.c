/* gnu-c: the number of towers is the number of GPUs in a mask
 * (__builtin_popcount), and each tower is named by its ordinal, but the
 * tower loop also builds a "tower_0" for the CPU first: with a mask of
 * one GPU (argc 2) towers "tower_0" (CPU) and "tower_0" (GPU 0) clash. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    unsigned gpus = argc > 1 ? 0x1u : 0x0u;
    int n = __builtin_popcount(gpus);
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "tower_0") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    for (int i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "tower_%d", i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
