/* struct-state: a builder with a `static bool built` guard, so that the
 * shared embedding is created on the first call only; it is called from
 * every tower: no run fails. */
// oracle-input: argc 1 2 3
#include <stdbool.h>

#include "varscope.h"

static vs_var *embedding(vs_graph *g)
{
    static bool built;
    static vs_var *table;
    if (!built) {
        table = vs_get_variable(g, "embedding", .shape = VS_SHAPE(100, 8));
        built = true;
    }
    return table;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++)
        embedding(g);
    vs_graph_free(g);
    return 0;
}
