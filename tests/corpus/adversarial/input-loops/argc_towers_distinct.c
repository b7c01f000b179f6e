/* input-loops: one tower per argument, each named by its index; all
 * distinct however many there are.  No run fails. */
// oracle-input: argc 1 2 3 4 5 6 7 8
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[24];
    for (int t = 1; t < argc; t++) {
        snprintf(name, sizeof name, "tower_%d", t);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    vs_graph_free(g);
    return 0;
}
