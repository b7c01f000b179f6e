/* recursion: the recursive builder creates its "w" in the caller's scope
 * (the scope enter was dropped in a refactoring): the second level
 * creates w again and fails. */
#include "varscope.h"

static void block(vs_graph *g, int depth)
{
    if (depth == 0)
        return;
    vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
    block(g, depth - 1);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "net") {
        block(g, 3);
    }
    vs_graph_free(g);
    return 0;
}
