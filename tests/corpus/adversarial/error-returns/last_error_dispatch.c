/* error-returns: a creation that may fail is followed by a switch on
 * vs_last_error: a duplicate is retried under a reusing scope, any other
 * code exits one scope more (a cleanup written for another caller).
 * With argc 2 the weight exists already, the creation fails with
 * duplicate-variable and the retry shares it; the default branch is
 * never taken. */
// oracle-input: argc 1 2
#include "varscope.h"

static vs_var *dense_w(vs_graph *g)
{
    vs_var *w = NULL;
    VS_VARIABLE_SCOPE(g, "dense") {
        w = vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8)); // expect: duplicate-variable
    }
    if (w)
        return w;
    switch (vs_last_error(g)) {
    case VS_ERR_DUPLICATE_VARIABLE:
        VS_VARIABLE_SCOPE(g, "dense", .reuse = VS_REUSE) {
            w = vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
        }
        break;
    default:
        vs_scope_exit(g);
        break;
    }
    return w;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    dense_w(g);
    if (argc > 1)
        dense_w(g);
    vs_graph_free(g);
    return 0;
}
