/* uncalled: a debugging helper kept in the file for gdb ("call
 * debug_pop(g)"), never called by the program; on its own it would exit
 * a scope with nothing open.  main builds one layer: no run fails. */
#include <stdio.h>

#include "varscope.h"

void debug_pop(vs_graph *g)
{
    fprintf(stderr, "leaving %s\n", vs_current_name_scope(g));
    vs_scope_exit(g);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2));
    }
    vs_graph_free(g);
    return 0;
}
