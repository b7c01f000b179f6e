/* designators: a "fresh block" macro forces .reuse = VS_REUSE_INHERIT
 * after the caller's keywords; the caller asked for VS_AUTO_REUSE to
 * share on the second call, but the macro's value wins: the second call
 * creates block/w again and fails. */
#include "varscope.h"

#define FRESH_SCOPE(g, name, ...) \
    VS_VARIABLE_SCOPE((g), (name), __VA_ARGS__, .reuse = VS_REUSE_INHERIT)

static void block(vs_graph *g)
{
    FRESH_SCOPE(g, "block", .reuse = VS_AUTO_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(6, 6)); // expect: duplicate-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    block(g);
    block(g);
    vs_graph_free(g);
    return 0;
}
