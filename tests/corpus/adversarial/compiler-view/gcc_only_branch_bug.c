/* compiler-view: a gcc-only code path (#if !defined(__clang__)), kept for
 * an old gcc workaround, creates the cache twice; with gcc (this build)
 * the second creation fails.  The clang branch is correct. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "cache") {
        vs_get_variable(g, "keys", .shape = VS_SHAPE(64));
#if !defined(__clang__)
        vs_get_variable(g, "keys", .shape = VS_SHAPE(64)); // expect: duplicate-variable
#endif
    }
    vs_graph_free(g);
    return 0;
}
