/* c-idioms: a helper names each block from a static local counter
 * ("block_0", "block_1", ...), so every call gets a fresh scope; the
 * counter wraps at 3 (a ring of three blocks was meant to be shared,
 * but nobody set reuse), and the fourth call creates block_0/w again. */
#include <stdio.h>

#include "varscope.h"

static void block(vs_graph *g)
{
    static int next_id;
    char name[32];
    snprintf(name, sizeof name, "block_%d", next_id);
    next_id = (next_id + 1) % 3;
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8)); // expect: duplicate-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 4; i++)
        block(g);
    vs_graph_free(g);
    return 0;
}
