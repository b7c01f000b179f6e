/* c-idioms: a do { } while (0) macro wraps "enter a scope, make the
 * weight, exit"; a second macro for the bias forgets the exit when the
 * bias is disabled (the `break` leaves the do-while before it), so with
 * argc == 1 the scope "bias" stays open and the next layer's scope is
 * entered under it... and the graph is freed with it open. */
// oracle-input: argc 1 2
#include "varscope.h"

#define MAKE_WEIGHT(g, scope, n)                                   \
    do {                                                           \
        vs_variable_scope_enter((g), (scope));                     \
        vs_get_variable((g), "w", .shape = VS_SHAPE(n));           \
        vs_scope_exit(g);                                          \
    } while (0)

#define MAKE_BIAS(g, scope, n, enabled)                            \
    do {                                                           \
        vs_variable_scope_enter((g), (scope));                     \
        if (!(enabled))                                            \
            break;                                                 \
        vs_get_variable((g), "b", .shape = VS_SHAPE(n));           \
        vs_scope_exit(g);                                          \
    } while (0)

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    MAKE_WEIGHT(g, "fc1", 8);
    MAKE_BIAS(g, "fc1_bias", 8, argc > 1); // expect: scope-leak
    MAKE_WEIGHT(g, "fc2", 4);
    vs_graph_free(g);
    return 0;
}
