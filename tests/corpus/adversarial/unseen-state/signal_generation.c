/* unseen-state: a SIGUSR1 handler bumps the model generation (a "reload"
 * request); the test harness raises it once before the rebuild, so the
 * rebuild goes to model_v1 and creates fresh variables.  No run fails. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>

#include "varscope.h"

static volatile sig_atomic_t generation;

static void on_reload(int sig)
{
    (void)sig;
    generation++;
}

static void build(vs_graph *g)
{
    char name[32];
    snprintf(name, sizeof name, "model_v%d", (int)generation);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    }
}

int main(void)
{
    signal(SIGUSR1, on_reload);
    vs_graph *g = vs_graph_new();
    build(g);
    raise(SIGUSR1);
    build(g);
    vs_graph_free(g);
    return 0;
}
