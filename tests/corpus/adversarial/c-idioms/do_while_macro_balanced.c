/* c-idioms: the do { } while (0) scope macros with the disabled bias
 * tested before the scope is entered: every scope is exited on every
 * path, and no run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

#define MAKE_PARAM(g, scope, param, n)                             \
    do {                                                           \
        if (vs_variable_scope_enter((g), (scope)) == NULL)         \
            break;                                                 \
        vs_get_variable((g), (param), .shape = VS_SHAPE(n));       \
        vs_scope_exit(g);                                          \
    } while (0)

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    MAKE_PARAM(g, "fc1", "w", 8);
    if (argc > 1)
        MAKE_PARAM(g, "fc1", "b", 8);
    MAKE_PARAM(g, "fc2", "w", 4);
    vs_graph_free(g);
    return 0;
}
