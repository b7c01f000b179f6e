/* buffer-writes: one name buffer, the prefix written once and the tower
 * index printed after it with sprintf(name + base, ...).  Every tower
 * gets its own scope (tower_0 .. tower_2): no run fails. */
#include <stdio.h>
#include <string.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 8), .name = "x");
    char name[32] = "tower_";
    size_t base = strlen(name);

    for (int i = 0; i < 3; i++) {
        sprintf(name + base, "%d", i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8, 4));
            vs_dense(g, x, 4, .name = "logits");
        }
    }
    vs_graph_free(g);
    return 0;
}
