/* team-idioms: bit flags tested through a mask macro; the eval tower
 * always shares (reuse from OPT_EVAL itself), so every run is clean. */
// oracle-input: args - --eval --share --eval,--share
#include <string.h>

#include "varscope.h"

#define OPT_EVAL 0x1u
#define OPT_SHARE 0x2u
#define HAS(flags, f) (((flags) & (f)) != 0)

int main(int argc, char **argv)
{
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--eval"))
            flags |= OPT_EVAL;
        if (!strcmp(argv[i], "--share"))
            flags |= OPT_SHARE;
    }
    vs_graph *g = vs_graph_new();
    for (int pass = 0; pass < 1 + HAS(flags, OPT_EVAL); pass++) {
        VS_VARIABLE_SCOPE(g, "net", .reuse = pass ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2));
        }
    }
    vs_graph_free(g);
    return 0;
}
