/* one-value: two towers per host (argc counts the hosts, itself
 * included), the first creating the shared weights and the others
 * reusing them; then the evaluation tower reuses them too.  argc is at
 * least 1, so the loop always makes its first tower: the evaluation
 * tower always finds "shared/w". */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    int towers = argc * 2;
    for (int t = 0; t < towers; t++) {
        VS_VARIABLE_SCOPE(g, "shared", .reuse = t > 0 ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
        }
    }
    VS_VARIABLE_SCOPE(g, "shared", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    }
    vs_graph_free(g);
    return 0;
}
