/* control-shapes: towers share by a `bool first = true;` flag flipped
 * after the first tower: the first creates, the others reuse.  Any tower
 * count: no run fails. */
// oracle-input: argc 1 2 3
#include <stdbool.h>
#include <stdio.h>

#include "varscope.h"

static void tower(vs_graph *g, int id)
{
    char ns[16];
    snprintf(ns, sizeof ns, "gpu_%d", id);
    VS_NAME_SCOPE(g, ns) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(32, 32));
        vs_get_variable(g, "b", .shape = VS_SHAPE(32));
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    bool first = true;
    for (int i = 0; i < argc + 1; i++) {
        VS_VARIABLE_SCOPE(g, "model", .reuse = first ? VS_REUSE_INHERIT : VS_REUSE) {
            tower(g, i);
        }
        first = false;
    }
    vs_graph_free(g);
    return 0;
}
