/* uncalled: a server keeps its graph in a global for the life of the
 * process and never frees it; a request handler returns early from
 * inside the "request" name scope on a bad request.  The scope stays
 * open, but no vs_graph_free ever reports it: no run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

static vs_graph *graph;

static int handle(int bad)
{
    vs_name_scope_enter(graph, "request");
    if (bad)
        return -1;
    vs_add(graph, vs_scalar_f32(graph, 1.0f), vs_scalar_f32(graph, 2.0f));
    vs_scope_exit(graph);
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    graph = vs_graph_new();
    handle(0);
    handle(argc > 1);
    return 0;
}
