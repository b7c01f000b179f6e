/* macro-expansion: a builder counts its calls in a static counter with
 * BUMP(c) (`((c) += 1)`) and shares from the second call on through
 * SHARED(c) (`((c) > 0)`) in the reuse keyword.  Called once per
 * argument and once more: every call after the first reuses; clean. */
// oracle-input: argc 1 2 4
#include "varscope.h"

#define BUMP(c) ((c) += 1)
#define SHARED(c) ((c) > 0)

static void model(vs_graph *g)
{
    static int calls;
    VS_VARIABLE_SCOPE(g, "model", .reuse = SHARED(calls) ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(7));
        vs_get_variable(g, "b", .shape = VS_SHAPE(7));
    }
    BUMP(calls);
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++)
        model(g);
    model(g);
    vs_graph_free(g);
    return 0;
}
