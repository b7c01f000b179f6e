/* team-idioms: command-line options parsed into bit flags; --eval builds
 * an eval tower, which shares the train tower's variables only when
 * --share is given too.  "--eval" alone fails; the others run clean. */
// oracle-input: args - --eval --share --eval,--share --share,--eval
#include <string.h>

#include "varscope.h"

enum { OPT_EVAL = 1u << 0, OPT_SHARE = 1u << 1, OPT_VERBOSE = 1u << 2 };

static unsigned parse_flags(int argc, char **argv)
{
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--eval") == 0)
            flags |= OPT_EVAL;
        else if (strcmp(argv[i], "--share") == 0)
            flags |= OPT_SHARE;
        else if (strcmp(argv[i], "-v") == 0)
            flags |= OPT_VERBOSE;
    }
    return flags;
}

static void tower(vs_graph *g, unsigned flags, int is_eval)
{
    vs_reuse r = (is_eval && (flags & OPT_SHARE)) ? VS_REUSE : VS_REUSE_INHERIT;
    VS_VARIABLE_SCOPE(g, "tower", .reuse = r) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    unsigned flags = parse_flags(argc, argv);
    vs_graph *g = vs_graph_new();
    tower(g, flags, 0);
    if (flags & OPT_EVAL)
        tower(g, flags, 1);
    vs_graph_free(g);
    return 0;
}
