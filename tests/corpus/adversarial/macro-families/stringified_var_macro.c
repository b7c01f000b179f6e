/* macro-families: a variadic GET macro that logs and stringifies the
 * variable's identifier (`GET(g, kernel, .shape = ...)` asks for
 * "kernel"); the layer asks for "kernel" and "bias" once each per scope:
 * no run fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

static int verbose;

#define LOG(...) (verbose ? fprintf(stderr, __VA_ARGS__) : 0)
#define GET(g, ident, ...) \
    (LOG("get %s\n", #ident), vs_get_variable((g), #ident, __VA_ARGS__))

static void dense(vs_graph *g, const char *name, int in, int out)
{
    VS_VARIABLE_SCOPE(g, name) {
        GET(g, kernel, .shape = VS_SHAPE(in, out));
        GET(g, bias, .shape = VS_SHAPE(out));
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    verbose = argc > 2;
    vs_graph *g = vs_graph_new();
    dense(g, "fc1", 32, 16);
    if (argc > 1)
        dense(g, "fc2", 16, 8);
    vs_graph_free(g);
    return 0;
}
