/* error-returns: a retry loop: try to create, and on NULL try again with
 * reuse on (attempt 1), then AUTO_REUSE (attempt 2).  With argc 2 the
 * variable exists from the warm-up, the first attempt fails with
 * duplicate-variable and the second shares it. */
// oracle-input: argc 1 2
#include <stddef.h>

#include "varscope.h"

static const vs_reuse modes[] = {VS_REUSE_INHERIT, VS_REUSE, VS_AUTO_REUSE};

static vs_var *obtain(vs_graph *g)
{
    vs_var *v = NULL;
    for (size_t attempt = 0; attempt < 3 && !v; attempt++) {
        VS_VARIABLE_SCOPE(g, "state", .reuse = modes[attempt]) {
            v = vs_get_variable(g, "counter", .shape = VS_SCALAR, .dtype = VS_INT64); // expect: duplicate-variable
        }
    }
    return v;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    if (argc > 1)
        obtain(g);
    obtain(g);
    vs_graph_free(g);
    return 0;
}
