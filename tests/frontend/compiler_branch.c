/* A program whose scoping depends on the compiler it is built with (the
 * compiler-view test in tests/suites/frontend.sh builds it with gcc and
 * lints it with and without its compile database).  Built with gcc, the
 * second "w" is created again with reuse off: the run fails at line 13
 * with duplicate-variable (docs/varscope.md, vs_get_variable). */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
#if !defined(__clang__)
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
#endif
    vs_graph_free(g);
    return 0;
}
