/* macro-families: builders registered before main by
 * __attribute__((constructor)) functions generated with a REGISTER macro
 * (the plugin idiom); main runs every registered builder twice, the
 * second time under a reusing scope, so the second pass shares: no run
 * fails. */
// oracle-input: argc 1 2
#include <stddef.h>

#include "varscope.h"

typedef void (*builder)(vs_graph *);
static builder registry[8];
static size_t n_builders;

#define REGISTER(fn) \
    __attribute__((constructor)) static void register_##fn(void) { registry[n_builders++] = fn; }

static void embed(vs_graph *g) { vs_get_variable(g, "embed", .shape = VS_SHAPE(100, 8)); }
static void proj(vs_graph *g) { vs_get_variable(g, "proj", .shape = VS_SHAPE(8, 8)); }
REGISTER(embed)
REGISTER(proj)

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int pass = 0; pass < argc; pass++) {
        VS_VARIABLE_SCOPE(g, "net", .reuse = pass ? VS_REUSE : VS_REUSE_INHERIT) {
            for (size_t i = 0; i < n_builders; i++)
                registry[i](g);
        }
    }
    vs_graph_free(g);
    return 0;
}
