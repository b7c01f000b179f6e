/* macro-expansion: SCOPED(g, name, ...) and GETV(g, name, ...) forward
 * their keywords as __VA_ARGS__ into VS_VARIABLE_SCOPE and
 * vs_get_variable.  The encoder is built, then shared with a width that
 * grows with the arguments: argc 1 asks for (3,) again and is clean, argc
 * 2 asks for (4,): "Trying to share variable enc/w, but specified shape
 * (4,) and found shape (3,)". */
// oracle-input: argc 1 2
#include "varscope.h"

#define SCOPED(g, name, ...) VS_VARIABLE_SCOPE(g, name, __VA_ARGS__)
#define GETV(g, name, ...) vs_get_variable(g, name, __VA_ARGS__)

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    SCOPED(g, "enc", .reuse = VS_REUSE_INHERIT) {
        GETV(g, "w", .shape = VS_SHAPE(3));
    }
    SCOPED(g, "enc", .reuse = VS_REUSE) {
        GETV(g, "w", .shape = VS_SHAPE(argc + 2)); // expect: shape-mismatch
    }
    vs_graph_free(g);
    return 0;
}
