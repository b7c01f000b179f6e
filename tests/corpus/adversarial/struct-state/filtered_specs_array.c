/* struct-state: an array of layer specs filtered into a second array
 * (only the enabled ones, "dropout" disabled unless argc > 1) before the
 * model is built from the filtered copy; names are distinct: no run
 * fails. */
// oracle-input: argc 1 2
#include <stdbool.h>
#include <stddef.h>

#include "varscope.h"

typedef struct spec {
    const char *name;
    int width;
    bool enabled;
} spec;

int main(int argc, char **argv)
{
    (void)argv;
    spec all[] = {
        {"embed", 100, true},
        {"dropout", 100, false},
        {"dense", 10, true},
    };
    all[1].enabled = argc > 1;
    spec kept[3];
    size_t n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i].enabled)
            kept[n++] = all[i];
    vs_graph *g = vs_graph_new();
    for (size_t i = 0; i < n; i++) {
        VS_VARIABLE_SCOPE(g, kept[i].name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(kept[i].width));
        }
    }
    vs_graph_free(g);
    return 0;
}
