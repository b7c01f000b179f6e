/* scope-objects: towers given name scopes only ("tower_0", "tower_1"):
 * tf.get_variable ignores name scopes, so the second tower (argc 2)
 * creates "w" at the root again. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++) {
        char ns[16];
        snprintf(ns, sizeof ns, "tower_%d", i);
        VS_NAME_SCOPE(g, ns) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
