/* scope-objects: reuse_variables() called only after the second tower
 * (a check `i == 1` meant for one-based towers): with argc 2 the second
 * tower creates "model/w" again before reuse is on. */
// oracle-input: argc 1 2 3
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "model") {
        for (int i = 0; i < argc; i++) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8)); // expect: duplicate-variable
            if (i == 1)
                vs_reuse_variables(vs_get_variable_scope(g));
        }
    }
    vs_graph_free(g);
    return 0;
}
