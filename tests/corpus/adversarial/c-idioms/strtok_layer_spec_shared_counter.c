/* c-idioms: as strtok_layer_spec.c, but the ternary that picks the
 * counter has its arms swapped: a "conv" item advances fc_n, and an "fc"
 * item reads conv_n, which nothing advances.  Both fc items are "fc_0",
 * and the second creates fc_0/w again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

int main(void)
{
    char spec[] = "fc:8,conv:8,fc:8";
    int conv_n = 0, fc_n = 0, in = 4;
    vs_graph *g = vs_graph_new();
    for (char *item = strtok(spec, ","); item; item = strtok(NULL, ",")) {
        char *colon = strchr(item, ':');
        if (!colon)
            continue;
        *colon = '\0';
        int width = atoi(colon + 1);
        char scope[32];
        int *counter = strcmp(item, "conv") == 0 ? &fc_n : &conv_n;
        snprintf(scope, sizeof scope, "%s_%d", item, *counter);
        if (strcmp(item, "conv") == 0)
            (*counter)++;
        VS_VARIABLE_SCOPE(g, scope) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(in, width)); // expect: duplicate-variable
        }
        in = width;
    }
    vs_graph_free(g);
    return 0;
}
