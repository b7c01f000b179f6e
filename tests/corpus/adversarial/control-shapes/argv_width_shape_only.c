/* control-shapes: the hidden width is read from argv[1] with strtol and
 * only sets shapes; the same width is used every time the shared scope is
 * entered, so no run fails whatever the argument. */
// oracle-input: args - 8 300 abc
#include <stdlib.h>

#include "varscope.h"

static void layer(vs_graph *g, long width)
{
    VS_VARIABLE_SCOPE(g, "shared", .reuse = VS_AUTO_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(16, width));
    }
}

int main(int argc, char **argv)
{
    long width = 64;
    if (argc > 1) {
        char *end;
        long v = strtol(argv[1], &end, 10);
        if (*end == '\0' && v > 0)
            width = v;
    }
    vs_graph *g = vs_graph_new();
    layer(g, width);
    layer(g, width);
    vs_graph_free(g);
    return 0;
}
