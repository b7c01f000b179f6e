/* backward-goto: three layers built by a goto loop (generated code's
 * style), each named after its counter; layer_2 is shared afterwards.
 * No run fails. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[24];
    int i = 0;
next:
    snprintf(name, sizeof name, "layer_%d", i);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    if (++i < 3)
        goto next;
    VS_VARIABLE_SCOPE(g, "layer_2", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    vs_graph_free(g);
    return 0;
}
