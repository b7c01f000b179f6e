/* struct-state: a layer spec copied with memcpy into a table slot and
 * then changed (the slot's name and width), the way a spec table is
 * filled from a template; every slot has its own name: no run fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>
#include <string.h>

#include "varscope.h"

typedef struct layer_spec {
    char name[16];
    int in, out;
    vs_reuse reuse;
} layer_spec;

int main(int argc, char **argv)
{
    (void)argv;
    const layer_spec tmpl = {.name = "fc", .in = 32, .out = 32};
    layer_spec table[4];
    int n = argc + 1;
    for (int i = 0; i < n; i++) {
        memcpy(&table[i], &tmpl, sizeof tmpl);
        snprintf(table[i].name, sizeof table[i].name, "fc%d", i);
        if (i == n - 1)
            table[i].out = 10;
    }
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < n; i++) {
        VS_VARIABLE_SCOPE(g, table[i].name, .reuse = table[i].reuse) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(table[i].in, table[i].out));
        }
    }
    vs_graph_free(g);
    return 0;
}
