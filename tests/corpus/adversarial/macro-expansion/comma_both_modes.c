/* macro-expansion: BOTH(a, b, v) sets two reuse modes with a comma
 * expression (`(a = (v), b = (v))`); with an argument the encoder and the
 * decoder are both shared on the second build.  Without one the second
 * build makes both again: "Variable enc/w already exists", then the same
 * for dec/w (the default handler prints and the program goes on). */
// oracle-input: argc 1 2
#include "varscope.h"

#define BOTH(a, b, v) (a = (v), b = (v))

static void build(vs_graph *g, vs_reuse enc, vs_reuse dec)
{
    VS_VARIABLE_SCOPE(g, "enc", .reuse = enc) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
    VS_VARIABLE_SCOPE(g, "dec", .reuse = dec) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_reuse enc = VS_REUSE_INHERIT, dec = VS_REUSE_INHERIT;
    vs_graph *g = vs_graph_new();
    build(g, enc, dec);
    if (argc > 1)
        BOTH(enc, dec, VS_REUSE);
    build(g, enc, dec);
    vs_graph_free(g);
    return 0;
}
