/* misc: the same counter, reset by a "new model" helper between the
 * second and third calls (the graph is not reset with it): the third head
 * is head_0 again and fails. */
#include <stdio.h>

#include "varscope.h"

static int calls;

static void new_model(void)
{
    calls = 0;
}

static void head(vs_graph *g)
{
    char name[24];
    snprintf(name, sizeof name, "head_%d", calls++);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    head(g);
    head(g);
    new_model();
    head(g);
    vs_graph_free(g);
    return 0;
}
