/* c-idioms: model options are bit flags in an enum, OR-ed from argc's
 * bits; OPT_SHARE_TOWERS decides whether the second tower reuses the
 * first.  Bit 1 of argc sets it (argc 2 and 3); with argc 1 or 4 the
 * second tower is built without reuse and creates tower/w again. */
// oracle-input: argc 1 2 3 4
#include "varscope.h"

enum model_opts {
    OPT_NONE = 0,
    OPT_TWO_TOWERS = 1 << 0,
    OPT_SHARE_TOWERS = 1 << 1,
    OPT_BIAS = 1 << 2,
};

static void tower(vs_graph *g, unsigned opts, int second)
{
    vs_reuse r = second && (opts & OPT_SHARE_TOWERS) ? VS_REUSE : VS_REUSE_INHERIT;
    VS_VARIABLE_SCOPE(g, "tower", .reuse = r) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        if (opts & OPT_BIAS)
            vs_get_variable(g, "b", .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    unsigned opts = OPT_TWO_TOWERS;
    if (argc & 2)
        opts |= OPT_SHARE_TOWERS;
    if (argc & 4)
        opts |= OPT_BIAS;
    vs_graph *g = vs_graph_new();
    tower(g, opts, 0);
    if (opts & OPT_TWO_TOWERS)
        tower(g, opts, 1);
    vs_graph_free(g);
    return 0;
}
