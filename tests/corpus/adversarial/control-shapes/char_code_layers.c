/* control-shapes: the architecture as a string of one-letter codes
 * ("ccpd": conv, conv, pool, dense) walked with a char pointer and a
 * switch; each kind keeps its own counter, so the names are "conv_0",
 * "conv_1", "dense_0": no run fails. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    const char *arch = argc > 1 ? "ccpcd" : "ccpd";
    int convs = 0, denses = 0;
    vs_graph *g = vs_graph_new();
    for (const char *p = arch; *p; p++) {
        char name[16];
        switch (*p) {
        case 'c':
            snprintf(name, sizeof name, "conv_%d", convs++);
            VS_VARIABLE_SCOPE(g, name) {
                vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3));
            }
            break;
        case 'd':
            snprintf(name, sizeof name, "dense_%d", denses++);
            VS_VARIABLE_SCOPE(g, name) {
                vs_get_variable(g, "w", .shape = VS_SHAPE(10));
            }
            break;
        default:
            break;
        }
    }
    vs_graph_free(g);
    return 0;
}
