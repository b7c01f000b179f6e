/* misc: vs_last_error() is the code of the latest failure, and a later
 * success does not clear it.  The code asks "did the last build fail?"
 * after a successful one: the stale duplicate code sends it down the
 * "retry under reuse" path, which asks for extra/w, never created:
 * missing-variable (after the first, real duplicate). */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
    VS_VARIABLE_SCOPE(g, "extra") {
        vs_get_variable(g, "v", .shape = VS_SHAPE(2));
    }
    if (vs_last_error(g) == VS_ERR_DUPLICATE_VARIABLE) {
        VS_VARIABLE_SCOPE(g, "extra", .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: missing-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
