/* uncalled (control): the same handler, but this program frees its graph
 * at the end: with argc > 1 the early return leaves "request" open and
 * vs_graph_free reports it. */
// oracle-input: argc 1 2
#include "varscope.h"

static int handle(vs_graph *g, int bad)
{
    vs_name_scope_enter(g, "request"); // expect: scope-leak
    if (bad)
        return -1;
    vs_add(g, vs_scalar_f32(g, 1.0f), vs_scalar_f32(g, 2.0f));
    vs_scope_exit(g);
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    handle(g, 0);
    handle(g, argc > 1);
    vs_graph_free(g);
    return 0;
}
