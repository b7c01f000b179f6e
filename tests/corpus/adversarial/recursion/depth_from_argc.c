/* recursion: the recursion depth comes from argc; each level enters
 * "level" and exits it; the deepest level (depth 4 or more) takes an
 * early return that skips its exit: argc >= 5 leaks the scope. */
// oracle-input: argc 1 2 3 4 5 6
#include "varscope.h"

static void level(vs_graph *g, int n, int depth)
{
    if (n == 0)
        return;
    vs_variable_scope_enter(g, "level"); // expect: scope-leak
    vs_get_variable(g, "w", .shape = VS_SHAPE(1));
    if (depth == 4)
        return;
    level(g, n - 1, depth + 1);
    vs_scope_exit(g);
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    level(g, argc, 0);
    vs_graph_free(g);
    return 0;
}
