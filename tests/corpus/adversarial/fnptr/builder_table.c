/* fnptr: a const table of layer builders (known targets) run in order;
 * conv and fc create their own scopes, and fc/w is shared afterwards.
 * No run fails. */
#include "varscope.h"

typedef void (*builder)(vs_graph *);

static void conv(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "conv") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3, 4));
    }
}

static void pool(vs_graph *g)
{
    (void)g;
}

static void fc(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "fc") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(16, 4));
    }
}

static const builder net[] = {conv, pool, fc};

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 3; i++)
        net[i](g);
    VS_VARIABLE_SCOPE(g, "fc", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(16, 4));
    }
    vs_graph_free(g);
    return 0;
}
