/* error-returns: get-or-create done right, with AUTO_REUSE, and the
 * result checked for NULL anyway (the caller gives up on NULL); the
 * width is the same on every call: no run fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

static vs_var *table(vs_graph *g, int width)
{
    vs_var *v = NULL;
    VS_VARIABLE_SCOPE(g, "emb", .reuse = VS_AUTO_REUSE) {
        v = vs_get_variable(g, "table", .shape = VS_SHAPE(100, width));
    }
    return v;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++) {
        if (!table(g, 16)) {
            fprintf(stderr, "embedding lookup %d failed\n", i);
            break;
        }
    }
    vs_graph_free(g);
    return 0;
}
