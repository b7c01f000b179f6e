/* error-returns: scope names from the environment (SCOPE), the enter's
 * result checked and the exit done only when the enter succeeded: a name
 * TF rejects ("my scope") fails the enter, and nothing is exited. */
// oracle-input: env SCOPE - block my_scope "my scope"
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    const char *name = getenv("SCOPE");
    if (!name)
        name = "default";
    vs_graph *g = vs_graph_new();
    if (vs_variable_scope_enter(g, name)) { // expect: invalid-name
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        vs_scope_exit(g);
    }
    vs_graph_free(g);
    return 0;
}
