/* fnptr: the same table with fc listed twice (a deeper head): the second
 * fc creates fc/w again and fails. */
#include "varscope.h"

typedef void (*builder)(vs_graph *);

static void conv(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "conv") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3, 4));
    }
}

static void fc(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "fc") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(16, 4)); // expect: duplicate-variable
    }
}

static const builder net[] = {conv, fc, fc};

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 3; i++)
        net[i](g);
    vs_graph_free(g);
    return 0;
}
