/* team-idioms: per-worker contexts (a struct per worker holding its own
 * graph and a name buffer), each worker builds "model/w" in its own
 * graph: no run fails. */
#include <stdio.h>

#include "varscope.h"

enum { N_WORKERS = 2 };

typedef struct worker_ctx {
    vs_graph *graph;
    int id;
    char scope[32];
} worker_ctx;

static void worker_build(worker_ctx *w)
{
    snprintf(w->scope, sizeof w->scope, "model");
    VS_VARIABLE_SCOPE(w->graph, w->scope) {
        vs_get_variable(w->graph, "w", .shape = VS_SHAPE(4, 4));
    }
}

int main(void)
{
    worker_ctx workers[N_WORKERS];
    for (int i = 0; i < N_WORKERS; i++) {
        workers[i].graph = vs_graph_new();
        workers[i].id = i;
    }
    for (int i = 0; i < N_WORKERS; i++)
        worker_build(&workers[i]);
    for (int i = 0; i < N_WORKERS; i++)
        vs_graph_free(workers[i].graph);
    return 0;
}
