/* error-returns: vs_last_error is "the latest failure", not reset by a
 * success: the program tests it after a successful call and takes the
 * stale code for a new failure.  The first build's duplicate (argc 2
 * builds "enc" twice) is still reported by vs_last_error after the
 * decoder succeeds, so the program rebuilds the decoder under a reusing
 * scope, which shares it: the only run failure is the duplicate. */
// oracle-input: argc 1 2
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++) {
        VS_VARIABLE_SCOPE(g, "enc") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    VS_VARIABLE_SCOPE(g, "dec") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (vs_last_error(g) != VS_OK) {
        VS_VARIABLE_SCOPE(g, "dec", .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
