/* scope-objects: dense blocks entered by default name, then re-entered by
 * string with TF's numbering ("dense", "dense_1", "dense_2"): every reuse
 * finds its weight; no run fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++) {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "dense") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    for (int i = 0; i < argc; i++) {
        char name[16];
        if (i == 0)
            snprintf(name, sizeof name, "dense");
        else
            snprintf(name, sizeof name, "dense_%d", i);
        VS_VARIABLE_SCOPE(g, name, .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
