/* macro-expansion: SETBIT/CLRBIT/HAS over an options word (`|=`, `&=
 * ~`, `>>` and `&` in the macro bodies, the word and the bit in the
 * arguments).  Sharing is on by default; an argument turns it off
 * ("--no-share" in the real tool), and the second build then makes
 * net/w again: "Variable net/w already exists". */
// oracle-input: argc 1 2
#include "varscope.h"

enum { OPT_SHARE = 0, OPT_VERBOSE = 3 };
#define SETBIT(m, b) ((m) |= 1u << (b))
#define CLRBIT(m, b) ((m) &= ~(1u << (b)))
#define HAS(m, b) (((m) >> (b)) & 1u)

static void net(vs_graph *g, unsigned opts, int pass)
{
    vs_reuse r = pass > 0 && HAS(opts, OPT_SHARE) ? VS_REUSE : VS_REUSE_INHERIT;
    VS_VARIABLE_SCOPE(g, "net", .reuse = r) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    unsigned opts = 0;
    SETBIT(opts, OPT_SHARE);
    SETBIT(opts, OPT_VERBOSE);
    if (argc > 1)
        CLRBIT(opts, OPT_SHARE);
    vs_graph *g = vs_graph_new();
    net(g, opts, 0);
    net(g, opts, 1);
    vs_graph_free(g);
    return 0;
}
