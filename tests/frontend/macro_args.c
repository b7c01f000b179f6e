/* Operators written in macro arguments: located at the invocation, found
 * where they are written. */
#include "varscope.h"

void grow(vs_graph *g, int n)
{
    for (int i = 0; i < n; i++)
        vs_get_variable(g, "w", .shape = VS_SHAPE(i + 1, -n, n * 2));
    const vs_shape *s = VS_SHAPE(n - 1);
    vs_variable_scope_enter(g, n > 2 ? "big" : "small", .reuse = !n);
    vs_scope_exit(g);
    (void)s;
}
