/* string-builders: each builder names its scope after itself with
 * __func__ ("encoder", "decoder"); the decoder is called twice when
 * argc > 1 (once for a second head), creating "decoder/w" again. */
// oracle-input: argc 1 2
#include "varscope.h"

static void encoder(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, __func__) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
}

static void decoder(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, __func__) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    encoder(g);
    decoder(g);
    if (argc > 1)
        decoder(g);
    vs_graph_free(g);
    return 0;
}
