/* macro-expansion: X-macro rows expanding to get_variable calls in an
 * AUTO_REUSE scope, where the row's width is a macro of the loop counter
 * (`#define W (4 << t)`): tower 0 makes bias with shape (4,), tower 1
 * asks for (8,): "Trying to share variable tower/bias, but specified
 * shape (8,) and found shape (4,)" with two towers or more. */
// oracle-input: argc 1 2 3
#include "varscope.h"

#define TOWER_VARS(X) X(kernel, 4, 4) X(bias, W)
#define GET_ROW(name, ...) vs_get_variable(g, #name, .shape = VS_SHAPE(__VA_ARGS__));
#define W (4 << t)

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int t = 0; t < argc; t++) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_AUTO_REUSE) {
            TOWER_VARS(GET_ROW) // expect: shape-mismatch
        }
    }
    vs_graph_free(g);
    return 0;
}
