/* macro-expansion: SWAP(a, b, t) swaps two scope names with a comma
 * expression (`(t = a, a = b, b = t)`).  The encoder (width 4) and the
 * decoder (width 8) are built, then shared; an argument swaps the names
 * before the sharing pass, which then asks for enc/w with (8,): "Trying
 * to share variable enc/w, but specified shape (8,) and found shape
 * (4,)", and the same for dec/w. */
// oracle-input: argc 1 2
#include "varscope.h"

#define SWAP(a, b, t) (t = a, a = b, b = t)

static void build(vs_graph *g, const char *first, const char *second, vs_reuse r)
{
    VS_VARIABLE_SCOPE(g, first, .reuse = r) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: shape-mismatch
    }
    VS_VARIABLE_SCOPE(g, second, .reuse = r) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8)); // expect: shape-mismatch
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    const char *a = "enc", *b = "dec", *tmp;
    vs_graph *g = vs_graph_new();
    build(g, a, b, VS_REUSE_INHERIT);
    if (argc > 1)
        SWAP(a, b, tmp);
    build(g, a, b, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
