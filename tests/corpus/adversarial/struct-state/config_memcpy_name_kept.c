/* struct-state: slots copied with memcpy from a template whose name is
 * "fc"; only the width is changed per slot and the name is renamed only
 * for slots past the first two (a bug), so with three slots (argc 2) the
 * second slot is "fc" again: its weight is created twice. */
// oracle-input: argc 1 2 3
#include <stdio.h>
#include <string.h>

#include "varscope.h"

typedef struct layer_spec {
    char name[16];
    int in, out;
} layer_spec;

int main(int argc, char **argv)
{
    (void)argv;
    const layer_spec tmpl = {.name = "fc", .in = 8, .out = 8};
    layer_spec table[4];
    int n = argc + 1;
    for (int i = 0; i < n; i++) {
        memcpy(&table[i], &tmpl, sizeof table[i]);
        table[i].out = 8 * (i + 1);
        if (i >= 2)
            snprintf(table[i].name, sizeof table[i].name, "fc_%d", i);
    }
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < n; i++) {
        vs_variable_scope_enter(g, table[i].name);
        vs_get_variable(g, "w", .shape = VS_SHAPE(table[i].in, table[i].out)); // expect: duplicate-variable
        vs_scope_exit(g);
    }
    vs_graph_free(g);
    return 0;
}
