/* uncalled: a one-shot tool that enters "export" and exits the process
 * without freeing the graph (the OS reclaims it).  The library reports
 * open scopes only at vs_graph_free, which never runs: no run fails. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_variable_scope_enter(g, "export");
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2));
    printf("%s\n", vs_var_name(w));
    return 0;
}
