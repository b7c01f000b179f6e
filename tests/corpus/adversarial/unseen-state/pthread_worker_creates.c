/* unseen-state: a worker thread builds the tower's variables (the main
 * thread waits for it with pthread_join); main then shares them under
 * reuse.  The worker runs on every run, so tower/w exists: no run fails. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "varscope.h"

static void *build_tower(void *arg)
{
    vs_graph *g = arg;
    VS_VARIABLE_SCOPE(g, "tower") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
    }
    return NULL;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    pthread_t t;
    if (pthread_create(&t, NULL, build_tower, g) != 0)
        return 1;
    pthread_join(t, NULL);
    VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
    }
    vs_graph_free(g);
    return 0;
}
