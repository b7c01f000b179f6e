/* unseen-state: the atexit handler closes the scopes main left open
 * (it counts them in a global) and then frees the graph: no scope is
 * still open at vs_graph_free, and no run fails. */
#include <stdlib.h>

#include "varscope.h"

static vs_graph *graph;
static int open_scopes;

static void shutdown_graph(void)
{
    while (open_scopes > 0) {
        vs_scope_exit(graph);
        open_scopes--;
    }
    vs_graph_free(graph);
}

static void enter(const char *name)
{
    if (vs_variable_scope_enter(graph, name))
        open_scopes++;
}

int main(void)
{
    graph = vs_graph_new();
    atexit(shutdown_graph);
    enter("train");
    enter("optimizer");
    vs_get_variable(graph, "lr", .shape = VS_SCALAR, .initializer = vs_init_constant(0.1));
    return 0;
}
