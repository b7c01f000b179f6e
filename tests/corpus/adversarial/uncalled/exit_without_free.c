/* uncalled: on a bad configuration the tool calls exit(1) from inside an
 * open scope (the OS reclaims the graph); the normal path closes and
 * frees.  No run reaches vs_graph_free with the scope open: no run fails. */
// oracle-input: env MODEL_UNITS - 0 8
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    const char *u = getenv("MODEL_UNITS");
    int units = u ? atoi(u) : 4;
    vs_variable_scope_enter(g, "model");
    if (units <= 0)
        exit(1);
    vs_get_variable(g, "w", .shape = VS_SHAPE(units));
    vs_scope_exit(g);
    vs_graph_free(g);
    return 0;
}
