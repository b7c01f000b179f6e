/* gnu-c: heads chosen by a bit mask (bit k: head k), walked with
 * __builtin_ctz and `m &= m - 1`; each head is "head_<k>", distinct:
 * no run fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    unsigned mask = argc == 1 ? 0x5u : argc == 2 ? 0x6u : 0xbu;
    vs_graph *g = vs_graph_new();
    for (unsigned m = mask; m; m &= m - 1) {
        int k = __builtin_ctz(m);
        char name[16];
        snprintf(name, sizeof name, "head_%d", k);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8, 2));
        }
    }
    vs_graph_free(g);
    return 0;
}
