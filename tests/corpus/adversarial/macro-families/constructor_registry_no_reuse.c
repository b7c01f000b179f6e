/* macro-families: builders registered by __attribute__((constructor))
 * functions before main; main runs the registry once per pass without
 * any reuse, so a second pass (argc 2) creates every weight again. */
// oracle-input: argc 1 2
#include <stddef.h>

#include "varscope.h"

typedef void (*builder)(vs_graph *);
static builder registry[8];
static size_t n_builders;

#define REGISTER(fn) \
    __attribute__((constructor)) static void register_##fn(void) { registry[n_builders++] = fn; }

static void embed(vs_graph *g) { vs_get_variable(g, "embed", .shape = VS_SHAPE(100, 8)); } // expect: duplicate-variable
REGISTER(embed)

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int pass = 0; pass < argc; pass++) {
        VS_VARIABLE_SCOPE(g, "net") {
            for (size_t i = 0; i < n_builders; i++)
                registry[i](g);
        }
    }
    vs_graph_free(g);
    return 0;
}
