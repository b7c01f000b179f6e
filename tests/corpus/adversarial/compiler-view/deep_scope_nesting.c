/* compiler-view (deep nesting): a 24-level stack of nested block scopes,
 * as a generated "config tree" has; the innermost variable's full name is
 * 24 levels deep.  Every block is closed: no run fails. */
#include "varscope.h"

#define S(name) VS_VARIABLE_SCOPE(g, name)

int main(void)
{
    vs_graph *g = vs_graph_new();
    S("a") S("b") S("c") S("d") S("e") S("f") S("g") S("h")
    S("i") S("j") S("k") S("l") S("m") S("n") S("o") S("p")
    S("q") S("r") S("s") S("t") S("u") S("v") S("w") S("x") {
        vs_get_variable(g, "leaf", .shape = VS_SHAPE(1));
    }
    S("a") S("b") S("c") S("d") S("e") S("f") S("g") S("h")
    S("i") S("j") S("k") S("l") S("m") S("n") S("o") S("p")
    S("q") S("r") S("s") S("t") S("u") S("v") S("w") S("x") {
        vs_get_variable(g, "leaf2", .shape = VS_SHAPE(1));
    }
    vs_graph_free(g);
    return 0;
}
