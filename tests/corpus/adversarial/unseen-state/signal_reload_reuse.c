/* unseen-state: a SIGHUP handler requests a "warm reload": the next build
 * runs under VS_REUSE to pick up existing variables.  The reload is
 * raised before anything was built, so the reused model/w does not
 * exist: the run fails with missing-variable. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>

#include "varscope.h"

static volatile sig_atomic_t warm_reload;

static void on_hup(int sig)
{
    (void)sig;
    warm_reload = 1;
}

int main(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_hup;
    sigaction(SIGHUP, &sa, NULL);
    raise(SIGHUP);

    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "model", .reuse = warm_reload ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4)); // expect: missing-variable
    }
    vs_graph_free(g);
    return 0;
}
