/* fnptr: a model "class" in C: a struct whose build field is set to the
 * v2 builder, which uses AUTO_REUSE; calling m.build twice shares.  No
 * run fails. */
#include "varscope.h"

struct model {
    const char *name;
    void (*build)(vs_graph *, const struct model *);
};

static void build_v1(vs_graph *g, const struct model *m)
{
    VS_VARIABLE_SCOPE(g, m->name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2));
    }
}

static void build_v2(vs_graph *g, const struct model *m)
{
    VS_VARIABLE_SCOPE(g, m->name, .reuse = VS_AUTO_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    struct model m = {"net", build_v1};
    m.build = build_v2;
    m.build(g, &m);
    m.build(g, &m);
    vs_graph_free(g);
    return 0;
}
