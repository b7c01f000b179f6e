/* buffer-writes: the same vsnprintf helper, called for the towers'
 * projections as "proj_%d_%d" with (layer, head); the second call of the
 * last pair repeats (1, 0) and fails inside the helper. */
#include <stdarg.h>
#include <stdio.h>

#include "varscope.h"

static vs_var *var_f(vs_graph *g, const vs_shape *shape, const char *fmt, ...)
{
    char name[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    return vs_get_variable(g, name, .shape = shape); // expect: duplicate-variable
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const int heads[][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 0}};
    for (int i = 0; i < 4; i++)
        var_f(g, VS_SHAPE(8, 8), "proj_%d_%d", heads[i][0], heads[i][1]);
    vs_graph_free(g);
    return 0;
}
