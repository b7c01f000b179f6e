/* designators: a "shared block" macro that puts the caller's keywords
 * first and forces .reuse = VS_AUTO_REUSE after them, so it wins over the
 * caller's VS_REUSE_INHERIT: the block is built twice and shared.  No run
 * fails. */
#include "varscope.h"

#define SHARED_SCOPE(g, name, ...) \
    VS_VARIABLE_SCOPE((g), (name), __VA_ARGS__, .reuse = VS_AUTO_REUSE)

static void block(vs_graph *g)
{
    SHARED_SCOPE(g, "block", .reuse = VS_REUSE_INHERIT, .dtype = VS_FLOAT32) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(6, 6));
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
