/* backward-goto: the same goto loop with the name printed once before
 * the label: all three turns use layer_0, the second fails (and the
 * third). */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[24];
    int i = 0;
    snprintf(name, sizeof name, "layer_%d", i);
next:
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
    }
    if (++i < 3)
        goto next;
    vs_graph_free(g);
    return 0;
}
