/* compiler-view: a clang-only diagnostics region wraps the reuse
 * variant; under gcc (this build) the #else branch runs, which asks for
 * emb/table under reuse before anything made it: missing-variable. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
#if defined(__clang__)
#pragma clang diagnostic push
    VS_VARIABLE_SCOPE(g, "emb", .reuse = VS_AUTO_REUSE) {
        vs_get_variable(g, "table", .shape = VS_SHAPE(100, 8));
    }
#pragma clang diagnostic pop
#else
    VS_VARIABLE_SCOPE(g, "emb", .reuse = VS_REUSE) {
        vs_get_variable(g, "table", .shape = VS_SHAPE(100, 8)); // expect: missing-variable
    }
#endif
    vs_graph_free(g);
    return 0;
}
