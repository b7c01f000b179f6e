/* scope-objects: a variable named with a slash ("proj/w") inside "enc",
 * and the eval pass reaching it through nested reusing scopes "enc" then
 * "proj": the same full name "enc/proj/w", so the reuse finds it; no run
 * fails. */
// oracle-input: argc 1 2
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "enc") {
        vs_get_variable(g, "proj/w", .shape = VS_SHAPE(8));
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, "enc", .reuse = VS_REUSE) {
            VS_VARIABLE_SCOPE(g, "proj") {
                vs_get_variable(g, "w", .shape = VS_SHAPE(8));
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
