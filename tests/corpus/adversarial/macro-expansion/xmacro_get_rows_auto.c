/* macro-expansion: X-macro rows that expand to get_variable calls
 * (`X(kernel, 3, 3)` -> `vs_get_variable(g, "kernel", .shape =
 * VS_SHAPE(3, 3));`, the shape's dimensions forwarded as __VA_ARGS__),
 * applied once per tower in an AUTO_REUSE scope: every tower after the
 * first gets the same variables with the same shapes.  Clean. */
// oracle-input: argc 1 2 4
#include "varscope.h"

#define TOWER_VARS(X) X(kernel, 3, 3) X(bias, 3) X(gamma, 3) X(beta, 3)
#define GET_ROW(name, ...) vs_get_variable(g, #name, .shape = VS_SHAPE(__VA_ARGS__));

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int t = 0; t < argc; t++) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_AUTO_REUSE) {
            TOWER_VARS(GET_ROW)
        }
    }
    vs_graph_free(g);
    return 0;
}
