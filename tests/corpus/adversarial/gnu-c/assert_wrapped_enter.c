/* gnu-c: enters wrapped in assert() (built without NDEBUG, so the calls
 * run); every name is valid and every enter succeeds; balanced: no run
 * fails. */
// oracle-input: argc 1 2
#include <assert.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    assert(vs_variable_scope_enter(g, "model") != NULL);
    vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    if (argc > 1) {
        assert(vs_variable_scope_enter(g, "extra"));
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        vs_scope_exit(g);
    }
    vs_scope_exit(g);
    vs_graph_free(g);
    return 0;
}
