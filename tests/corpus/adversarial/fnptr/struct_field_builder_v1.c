/* fnptr: the same model struct left on build_v1 (no reuse): the second
 * m.build creates net/w again and fails. */
#include "varscope.h"

struct model {
    const char *name;
    void (*build)(vs_graph *, const struct model *);
};

static void build_v1(vs_graph *g, const struct model *m)
{
    VS_VARIABLE_SCOPE(g, m->name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2)); // expect: duplicate-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    struct model m = {"net", build_v1};
    m.build(g, &m);
    m.build(g, &m);
    vs_graph_free(g);
    return 0;
}
