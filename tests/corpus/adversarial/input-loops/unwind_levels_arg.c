/* input-loops: `unwind N` closes the N innermost scopes of a model
 * builder, then the builder closes "model" itself; asked to unwind all
 * three levels (N = 3), the builder's own exit finds nothing open (and
 * past three, the loop's own).  Fewer leave scopes open at the end. */
// oracle-input: env UNWIND - 0 1 2 3 5
#include <stdio.h>
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    const char *env = getenv("UNWIND");
    int levels = env ? atoi(env) : 1;
    vs_graph *g = vs_graph_new();
    vs_variable_scope_enter(g, "model"); // expect: scope-leak
    vs_variable_scope_enter(g, "encoder"); // expect: scope-leak
    vs_variable_scope_enter(g, "block");
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    for (int i = 0; i < levels; i++)
        vs_scope_exit(g); // expect: scope-underflow
    vs_scope_exit(g); // expect: scope-underflow
    vs_graph_free(g);
    return 0;
}
