/* c-idioms: a printf-style wrapper opens a variable scope from a format
 * (vsnprintf over a va_list) and another closes it; the towers are
 * "tower_%d" of i % 2, so towers 0 and 2 are both "tower_0", and the
 * third creates tower_0/w again. */
#include <stdarg.h>
#include <stdio.h>

#include "varscope.h"

static vs_scope *scope_enterf(vs_graph *g, const char *fmt, ...)
{
    char name[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    return vs_variable_scope_enter(g, name);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 3; i++) {
        if (!scope_enterf(g, "tower_%d", i % 2))
            continue;
        vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        vs_scope_exit(g);
    }
    vs_graph_free(g);
    return 0;
}
