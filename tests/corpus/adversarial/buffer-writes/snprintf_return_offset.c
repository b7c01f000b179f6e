/* buffer-writes: snprintf's return value used as the offset of a second
 * snprintf (the checkpoint-style name "<scope>_<step>"); steps 0, 10, 20
 * give three scopes, no run fails. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[40];
    int n = snprintf(name, sizeof name, "%s", "ema");

    for (int step = 0; step <= 20; step += 10) {
        snprintf(name + n, sizeof name - (size_t)n, "_%d", step);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "shadow", .shape = VS_SHAPE(10));
        }
    }
    vs_graph_free(g);
    return 0;
}
