/* fnptr: a small task queue (function + void * argument) drained in
 * order; the tasks open and close their own scopes, each with its own
 * name.  No run fails. */
#include "varscope.h"

struct task {
    void (*run)(vs_graph *, void *);
    void *arg;
};

static void make_layer(vs_graph *g, void *arg)
{
    const char *name = arg;
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(3));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    char a[] = "first", b[] = "second";
    struct task queue[] = {{make_layer, a}, {make_layer, b}};
    for (int i = 0; i < 2; i++)
        queue[i].run(g, queue[i].arg);
    VS_VARIABLE_SCOPE(g, "second", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(3));
    }
    vs_graph_free(g);
    return 0;
}
