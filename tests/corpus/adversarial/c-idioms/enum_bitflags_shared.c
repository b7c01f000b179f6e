/* c-idioms: as enum_bitflags_towers.c, but the flags are tested through
 * a mask of what "share" needs (OPT_TWO_TOWERS | OPT_SHARE_TOWERS), and
 * a second tower without sharing gets a scope of its own ("tower_b"):
 * no run fails. */
// oracle-input: argc 1 2 3 4 5 6 7
#include "varscope.h"

enum model_opts {
    OPT_TWO_TOWERS = 1 << 0,
    OPT_SHARE_TOWERS = 1 << 1,
    OPT_BIAS = 1 << 2,
    OPT_SHARED_PAIR = OPT_TWO_TOWERS | OPT_SHARE_TOWERS,
};

static void tower(vs_graph *g, const char *scope, unsigned opts, vs_reuse r)
{
    VS_VARIABLE_SCOPE(g, scope, .reuse = r) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        if (opts & OPT_BIAS)
            vs_get_variable(g, "b", .shape = VS_SHAPE(4));
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    unsigned opts = (unsigned)argc & 7u;
    vs_graph *g = vs_graph_new();
    tower(g, "tower", opts, VS_REUSE_INHERIT);
    if ((opts & OPT_SHARED_PAIR) == OPT_SHARED_PAIR)
        tower(g, "tower", opts, VS_REUSE);
    else if (opts & OPT_TWO_TOWERS)
        tower(g, "tower_b", opts, VS_REUSE_INHERIT);
    vs_graph_free(g);
    return 0;
}
