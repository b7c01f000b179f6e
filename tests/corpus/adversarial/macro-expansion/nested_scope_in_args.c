/* macro-expansion: IN_SCOPE(g, name, body) wraps body in a block form,
 * nested in its own argument on one line (both block forms declare
 * vs_once_<line>; the inner one shadows the outer).  The nest a/b is made
 * once; with an argument the helper is called again and "Variable a/b/w
 * already exists". */
// oracle-input: argc 1 2
#include "varscope.h"

#define IN_SCOPE(g, name, body) VS_VARIABLE_SCOPE(g, name) { body }

static void nest(vs_graph *g)
{
    IN_SCOPE(g, "a", IN_SCOPE(g, "b", vs_get_variable(g, "w", .shape = VS_SHAPE(2));)) // expect: duplicate-variable
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    nest(g);
    if (argc > 1)
        nest(g);
    vs_graph_free(g);
    return 0;
}
