/* struct-state: options packed in bit-fields: a 1-bit "share" flag and a
 * 2-bit tower count.  The count is set to argc + 1 and wraps in its two
 * bits (argc 3 gives 4, stored as 0: no towers).  Towers after the first
 * share when the flag is set (argc even); otherwise each tower has its
 * own scope.  No run fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

struct flags {
    unsigned share : 1;
    unsigned towers : 2;
    unsigned verbose : 1;
};

int main(int argc, char **argv)
{
    (void)argv;
    struct flags f = {0};
    f.share = argc % 2 == 0;
    f.towers = (unsigned)argc + 1;
    vs_graph *g = vs_graph_new();
    for (unsigned t = 0; t < f.towers; t++) {
        char name[16];
        snprintf(name, sizeof name, "tower_%u", f.share ? 0u : t);
        VS_VARIABLE_SCOPE(g, name, .reuse = f.share && t > 0 ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
