/* string-builders: block names made with asprintf from a kind and the
 * block's parity ("res_even", "res_odd"), the way a model alternates two
 * block kinds; with three blocks (argc 3) the third is "res_even" again
 * and its weights are created twice. */
// oracle-input: argc 1 2 3
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++) {
        char *scope;
        if (asprintf(&scope, "%s_%s", "res", i % 2 ? "odd" : "even") == -1)
            break;
        vs_variable_scope_enter(g, scope);
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
        vs_scope_exit(g);
        free(scope);
    }
    vs_graph_free(g);
    return 0;
}
