/* long-loops: 1,200 buckets hashed into 1,100 slots by i % 1100; at turn
 * 1,100 the name slot_0 comes round again and get_variable fails (and on
 * every later turn). */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[16];
    for (int i = 0; i < 1200; i++) {
        snprintf(name, sizeof name, "slot_%d", i % 1100);
        vs_get_variable(g, name, .shape = VS_SCALAR); // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
