/* uncalled: an unused "legacy" builder sits next to the real one; the
 * real one creates enc/w twice (a copy-paste), which fails on every run,
 * while the legacy one never runs. */
#include "varscope.h"

void legacy_build(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "enc", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    }
}

static void build(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "enc") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4)); // expect: duplicate-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    build(g);
    vs_graph_free(g);
    return 0;
}
