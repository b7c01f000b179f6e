/* input-loops: a layer per character of the architecture string argv[1]
 * ("ccpc..."): 'c' layers are named conv_<k> with k counting convs mod 4,
 * so a string with five or more c's creates conv_0 twice. */
// oracle-input: args - cc ccpc ccccp cccccp
#include <stdio.h>
#include <string.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    const char *arch = argc > 1 ? argv[1] : "c";
    vs_graph *g = vs_graph_new();
    char name[24];
    int convs = 0;
    for (size_t i = 0; i < strlen(arch); i++) {
        if (arch[i] != 'c')
            continue;
        snprintf(name, sizeof name, "conv_%d", convs++ % 4);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
