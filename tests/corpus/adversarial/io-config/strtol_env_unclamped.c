/* io-config: the tower count from NUM_TOWERS, and each tower's width from
 * a 4-entry table indexed by the tower (wrapping with % 4): towers share
 * after the first, and tower 1's width (64) differs from tower 0's (32),
 * so any run with 2 or more towers fails on tower 1. */
// oracle-input: env NUM_TOWERS - 1 2 5
#include <stdlib.h>

#include "varscope.h"

static const int widths[4] = {32, 64, 32, 32};

int main(void)
{
    const char *s = getenv("NUM_TOWERS");
    int n = s ? (int)strtol(s, NULL, 10) : 1;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < n; i++) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = i ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(widths[i % 4])); // expect: shape-mismatch
        }
    }
    vs_graph_free(g);
    return 0;
}
