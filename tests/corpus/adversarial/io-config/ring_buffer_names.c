/* io-config: a ring of four name buffers (a logging helper's habit: each
 * call returns the next slot) used for the scope names of six layers:
 * the slots are rewritten, but every layer's name is printed fresh from
 * its own number, so all six names differ; no run fails. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

static const char *fmt_name(const char *prefix, int i)
{
    static char ring[4][24];
    static int next;
    char *slot = ring[next++ % 4];
    snprintf(slot, sizeof ring[0], "%s_%d", prefix, i);
    return slot;
}

int main(int argc, char **argv)
{
    (void)argv;
    int layers = argc > 1 ? 6 : 3;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < layers; i++) {
        const char *scope = fmt_name("layer", i);
        const char *other = fmt_name("unused", i);
        (void)other;
        VS_VARIABLE_SCOPE(g, scope) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
