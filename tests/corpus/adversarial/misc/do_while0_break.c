/* misc: a do { ... } while (0) block with break as the error exit (the
 * Linux-kernel idiom) between an explicit enter and exit: the break on a
 * missing input skips the exit, and "model" is still open at
 * vs_graph_free.  The input is missing only when INPUT_DIM is 0. */
// oracle-input: env INPUT_DIM - 0 4
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    const char *s = getenv("INPUT_DIM");
    int dim = s ? atoi(s) : 3;
    vs_graph *g = vs_graph_new();
    do {
        vs_variable_scope_enter(g, "model"); // expect: scope-leak
        if (dim == 0)
            break;
        vs_get_variable(g, "w", .shape = VS_SHAPE(dim));
        vs_scope_exit(g);
    } while (0);
    vs_graph_free(g);
    return 0;
}
