/* c-idioms: the architecture is a spec string "conv:8,conv:8,fc:4"
 * split with strtok on ',' and each item with strchr on ':'; every item
 * gets a scope named by its kind and a running index kept per kind, so
 * "conv_0", "conv_1", "fc_0": no run fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

int main(void)
{
    char spec[] = "conv:8,conv:8,fc:4";
    int conv_n = 0, fc_n = 0, in = 4;
    vs_graph *g = vs_graph_new();
    for (char *item = strtok(spec, ","); item; item = strtok(NULL, ",")) {
        char *colon = strchr(item, ':');
        if (!colon)
            continue;
        *colon = '\0';
        int width = atoi(colon + 1);
        char scope[32];
        int *counter = strcmp(item, "conv") == 0 ? &conv_n : &fc_n;
        snprintf(scope, sizeof scope, "%s_%d", item, (*counter)++);
        VS_VARIABLE_SCOPE(g, scope) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(in, width));
        }
        in = width;
    }
    vs_graph_free(g);
    return 0;
}
