/* long-loops: 2,400 steps grouped in blocks of 1,100 (i / 1100: blocks 0,
 * 1 and 2); each block's scope is created when the block starts, once.
 * No run fails. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[16];
    for (int i = 0; i < 2400; i++) {
        if (i % 1100 != 0)
            continue;
        snprintf(name, sizeof name, "block_%d", i / 1100);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    vs_graph_free(g);
    return 0;
}
