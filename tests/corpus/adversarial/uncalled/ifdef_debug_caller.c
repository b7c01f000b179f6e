/* uncalled: the only call of dump_and_rebuild() is under #ifdef
 * DEBUG_GRAPH, which the build does not define; the helper would build
 * model/w a second time.  main builds once: no run fails. */
#include "varscope.h"

static void build(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
    }
}

void dump_and_rebuild(vs_graph *g)
{
    build(g);
    build(g);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
#ifdef DEBUG_GRAPH
    dump_and_rebuild(g);
#else
    build(g);
#endif
    vs_graph_free(g);
    return 0;
}
