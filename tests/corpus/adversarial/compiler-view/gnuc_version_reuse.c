/* compiler-view: a __GNUC__ version test (gcc 12 here defines __GNUC__
 * 12; clang claims 4) chooses AUTO_REUSE for the shared encoder; built
 * with gcc >= 5 the second encoder shares: no run fails. */
#include "varscope.h"

#if defined(__GNUC__) && __GNUC__ >= 5
#define ENCODER_REUSE VS_AUTO_REUSE
#else
#define ENCODER_REUSE VS_REUSE_INHERIT
#endif

static void encoder(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "encoder", .reuse = ENCODER_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    encoder(g);
    encoder(g);
    vs_graph_free(g);
    return 0;
}
