/* gnu-c: a statement-expression macro ENTER() that enters a scope and
 * yields 1 on success, summed into a depth counter; the cleanup exits
 * `depth` scopes.  The second name is invalid with argc 2 ("bad name"),
 * the enter fails and is not counted: balanced on every run, the only
 * failure the invalid name. */
// oracle-input: argc 1 2
#include "varscope.h"

#define ENTER(g, name) ({ vs_variable_scope_enter((g), (name)) != NULL; })

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    int depth = 0;
    depth += ENTER(g, "model");
    depth += ENTER(g, argc > 1 ? "bad name" : "block"); // expect: invalid-name
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    while (depth > 0) {
        vs_scope_exit(g);
        depth--;
    }
    vs_graph_free(g);
    return 0;
}
