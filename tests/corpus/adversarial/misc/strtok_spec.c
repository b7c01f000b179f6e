/* misc: the architecture as a comma-separated spec split with strtok
 * ("conv,pool,conv"): each conv gets a scope named "conv", the second
 * fails (the author meant conv1, conv2). */
#include <string.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char spec[] = "conv,pool,conv";
    for (char *tok = strtok(spec, ","); tok; tok = strtok(NULL, ",")) {
        if (strcmp(tok, "conv") != 0)
            continue;
        VS_VARIABLE_SCOPE(g, tok) {
            vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
