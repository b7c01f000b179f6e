/* team-idioms: per-worker contexts that were meant to own a graph each,
 * but the init copies one template context (graph included) into every
 * slot: both workers build "model/w" in the same graph, the second
 * fails. */
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
        vs_get_variable(w->graph, "w", .shape = VS_SHAPE(4, 4)); // expect: duplicate-variable
    }
}

int main(void)
{
    worker_ctx proto = {.graph = vs_graph_new()};
    worker_ctx workers[N_WORKERS];
    for (int i = 0; i < N_WORKERS; i++) {
        workers[i] = proto;
        workers[i].id = i;
    }
    for (int i = 0; i < N_WORKERS; i++)
        worker_build(&workers[i]);
    vs_graph_free(proto.graph);
    return 0;
}
