/* input-loops: one tower per argument, placed on five devices by t % 5;
 * the sixth tower (argc >= 7) comes back to dev_0 and fails. */
// oracle-input: argc 1 2 3 4 5 6 7 8
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[24];
    for (int t = 1; t < argc; t++) {
        snprintf(name, sizeof name, "dev_%d", (t - 1) % 5);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
