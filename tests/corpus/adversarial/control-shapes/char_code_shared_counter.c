/* control-shapes: the one-letter architecture string, but the conv
 * counter is reset by every pool ('p'), a bug from a per-stage naming
 * scheme that forgot the stage: "ccpc" (argc 2) names its third conv
 * "conv_0" again. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    const char *arch = argc > 1 ? "ccpc" : "ccp";
    int convs = 0;
    vs_graph *g = vs_graph_new();
    for (const char *p = arch; *p; ++p) {
        if (*p == 'p') {
            convs = 0;
            continue;
        }
        char name[16];
        snprintf(name, sizeof name, "conv_%d", convs++);
        vs_variable_scope_enter(g, name);
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
        vs_scope_exit(g);
    }
    vs_graph_free(g);
    return 0;
}
