/* input-loops: the nesting of a model read from a spec string in the
 * environment, one character per step ('+' opens a variable scope, 'n' a
 * name scope, '-' closes the innermost).  Unbalanced specs leave scopes
 * open when the graph is freed, or close more than were opened. */
// oracle-input: env SPEC - + +- -+ n +n-- ++-- +-+ nnn--- +--
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    const char *spec = getenv("SPEC");
    for (int i = 0; spec && spec[i]; i++) {
        if (spec[i] == '+')
            vs_variable_scope_enter(g, "s"); // expect: scope-leak
        else if (spec[i] == '-')
            vs_scope_exit(g); // expect: scope-underflow
        else if (spec[i] == 'n')
            vs_name_scope_enter(g, "n"); // expect: scope-leak
    }
    vs_graph_free(g);
    return 0;
}
