/* input-loops: STEPS (environment) unrolled steps share one cell under
 * AUTO_REUSE; from step 5 on a "wider" cell is asked for with another
 * shape: STEPS >= 6 fails with shape-mismatch from the sixth step. */
// oracle-input: env STEPS - 3 5 6 9
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    const char *s = getenv("STEPS");
    int steps = s ? atoi(s) : 2;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < steps; i++) {
        VS_VARIABLE_SCOPE(g, "cell", .reuse = VS_AUTO_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8, i >= 5 ? 16 : 8)); // expect: shape-mismatch
        }
    }
    vs_graph_free(g);
    return 0;
}
