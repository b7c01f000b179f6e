/* struct-state: specs filtered into a second array; the table lists
 * "dense" twice (a head and an auxiliary head with the same scope name),
 * the auxiliary one enabled only with argc > 1: then the filtered model
 * builds "dense" twice and its weight is created again. */
// oracle-input: argc 1 2
#include <stdbool.h>
#include <stddef.h>

#include "varscope.h"

typedef struct spec {
    const char *name;
    int width;
    bool enabled;
} spec;

static size_t keep_enabled(const spec *in, size_t n, spec *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (in[i].enabled)
            out[k++] = in[i];
    return k;
}

int main(int argc, char **argv)
{
    (void)argv;
    spec all[] = {
        {"embed", 100, true},
        {"dense", 10, true},
        {"dense", 10, false},
    };
    if (argc > 1)
        all[2].enabled = true;
    spec kept[3];
    size_t n = keep_enabled(all, 3, kept);
    vs_graph *g = vs_graph_new();
    for (size_t i = 0; i < n; i++) {
        VS_VARIABLE_SCOPE(g, kept[i].name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(kept[i].width)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
