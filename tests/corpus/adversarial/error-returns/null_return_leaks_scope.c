/* error-returns: a builder that returns -1 as soon as a call returns NULL,
 * without exiting the scope it entered; the decoder's weight has a
 * negative width with argc 2 (a size computed as hidden - 64), the call
 * fails and the early return leaves "decoder" open. */
// oracle-input: argc 1 2
#include "varscope.h"

static int decoder(vs_graph *g, int hidden)
{
    if (!vs_variable_scope_enter(g, "decoder")) // expect: scope-leak
        return -1;
    if (!vs_get_variable(g, "w", .shape = VS_SHAPE(hidden, hidden - 64))) // expect: invalid-argument
        return -1;
    vs_scope_exit(g);
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    decoder(g, argc > 1 ? 32 : 128);
    vs_graph_free(g);
    return 0;
}
