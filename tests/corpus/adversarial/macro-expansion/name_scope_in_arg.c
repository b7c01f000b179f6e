/* macro-expansion: NS(g, name, body) wraps body in VS_NAME_SCOPE.  The
 * training branch makes w under name scope "train"; with an argument an
 * eval branch makes w under name scope "eval".  get_variable ignores name
 * scopes, so both ask for the root variable "w": "Variable w already
 * exists". */
// oracle-input: argc 1 2
#include "varscope.h"

#define NS(g, name, body) VS_NAME_SCOPE(g, name) { body }

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    NS(g, "train", vs_get_variable(g, "w", .shape = VS_SHAPE(6));)
    if (argc > 1) {
        NS(g, "eval", vs_get_variable(g, "w", .shape = VS_SHAPE(6));) // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
