/* macro-expansion: SWAP(a, b, t) (`(t = a, a = b, b = t)`) applied twice
 * when there are arguments puts the names back: the sharing pass asks
 * for enc/w with (4,) and dec/w with (8,), as built.  Clean. */
// oracle-input: argc 1 2
#include "varscope.h"

#define SWAP(a, b, t) (t = a, a = b, b = t)

static void build(vs_graph *g, const char *first, const char *second, vs_reuse r)
{
    VS_VARIABLE_SCOPE(g, first, .reuse = r) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    VS_VARIABLE_SCOPE(g, second, .reuse = r) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8));
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    const char *a = "enc", *b = "dec", *tmp;
    vs_graph *g = vs_graph_new();
    build(g, a, b, VS_REUSE_INHERIT);
    if (argc > 1) {
        SWAP(a, b, tmp);
        SWAP(a, b, tmp);
    }
    build(g, a, b, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
