/* macro-families: the __LINE__-named AUTO_SCOPE inside a helper macro
 * that builds a pair of layers: both expansions come from one line, so
 * both scopes are "scope_<that line>" and the pair's second layer
 * creates the first's weight again, on every run. */
#include "varscope.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define AUTO_SCOPE(g) VS_VARIABLE_SCOPE(g, "scope_" STR(__LINE__))
#define LAYER(g, n) AUTO_SCOPE(g) { vs_get_variable(g, "w", .shape = VS_SHAPE(n)); }
#define PAIR(g, n) do { LAYER(g, n) LAYER(g, n) } while (0)

int main(void)
{
    vs_graph *g = vs_graph_new();
    PAIR(g, 4); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
