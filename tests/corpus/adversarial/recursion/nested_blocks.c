/* recursion: a recursive block builder nests block_3/block_2/block_1,
 * each level with its own "w"; the innermost is shared afterwards by its
 * full path.  No run fails. */
#include <stdio.h>

#include "varscope.h"

static void block(vs_graph *g, int depth)
{
    if (depth == 0)
        return;
    char name[24];
    snprintf(name, sizeof name, "block_%d", depth);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        block(g, depth - 1);
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    block(g, 3);
    VS_VARIABLE_SCOPE(g, "block_3/block_2/block_1", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    vs_graph_free(g);
    return 0;
}
