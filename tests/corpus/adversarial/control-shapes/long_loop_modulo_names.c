/* control-shapes: 2400 summary steps, each with a scope "s_<step % N>"
 * where N is 1500 by default (names repeat from step 1500) and 3000 with
 * argc 2 (never repeat); the default run creates "s_0/v" again on step
 * 1500. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    int period = argc > 1 ? 3000 : 1500;
    vs_graph *g = vs_graph_new();
    for (int step = 0; step < 2400; step++) {
        char name[24];
        snprintf(name, sizeof name, "s_%d", step % period);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "v", .shape = VS_SCALAR); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
