/* unseen-state: the same worker thread, but main builds the tower again
 * without reuse after joining it: tower/w exists, main's call fails. */
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
    VS_VARIABLE_SCOPE(g, "tower") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8)); // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
