/* graph-reads: a scope named with vs_var_name() as it is ("net/w:0"):
 * ':' is not allowed in a scope name, so the enter fails (invalid-name)
 * on every run; the author meant the name without ":0". */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_var *w = NULL;
    VS_VARIABLE_SCOPE(g, "net") {
        w = vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    VS_VARIABLE_SCOPE(g, vs_var_name(w)) { // expect: invalid-name
        vs_get_variable(g, "ema", .shape = VS_SHAPE(2));
    }
    vs_graph_free(g);
    return 0;
}
