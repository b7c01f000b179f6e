/* unseen-state: the graph lives in a global and is freed by an atexit
 * handler, as a long-running tool's shutdown path does.  main leaves the
 * "train" scope open when it returns, so the run reports scope-leak for
 * it at exit, from inside the handler. */
#include <stdlib.h>

#include "varscope.h"

static vs_graph *graph;

static void shutdown_graph(void)
{
    vs_graph_free(graph);
}

int main(void)
{
    graph = vs_graph_new();
    atexit(shutdown_graph);
    vs_variable_scope_enter(graph, "train"); // expect: scope-leak
    vs_get_variable(graph, "global_step", .shape = VS_SCALAR, .dtype = VS_INT64, .initializer = vs_init_zeros());
    return 0;
}
