/* unseen-state: the reuse mode is initialised once by pthread_once (the
 * library-style lazy init); init_config sets it to AUTO_REUSE, so the
 * second tower shares tower/w.  No run fails. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "varscope.h"

static pthread_once_t config_once = PTHREAD_ONCE_INIT;
static vs_reuse tower_reuse = VS_REUSE_INHERIT;

static void init_config(void)
{
    tower_reuse = VS_AUTO_REUSE;
}

static void tower(vs_graph *g)
{
    pthread_once(&config_once, init_config);
    VS_VARIABLE_SCOPE(g, "tower", .reuse = tower_reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    tower(g);
    tower(g);
    vs_graph_free(g);
    return 0;
}
