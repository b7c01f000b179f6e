/* string-builders: tower scopes named with asprintf ("tower_0", ...),
 * each freed after its block; one tower per argument, every name new:
 * no run fails. */
// oracle-input: argc 1 2 3
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

#include "varscope.h"

static void build_tower(vs_graph *g, int id)
{
    char *name = NULL;
    if (asprintf(&name, "tower_%d", id) < 0)
        return;
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
        vs_get_variable(g, "b", .shape = VS_SHAPE(8));
    }
    free(name);
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++)
        build_tower(g, i);
    vs_graph_free(g);
    return 0;
}
