/* c-idioms: as vlist_scope_wrapper.c, with the reuse mode passed before
 * the format: the wrapper takes it as a fixed argument and forwards the
 * rest with va_list.  Later passes over the same towers reuse: no run
 * fails. */
#include <stdarg.h>
#include <stdio.h>

#include "varscope.h"

static vs_scope *scope_enterf(vs_graph *g, vs_reuse reuse, const char *fmt, ...)
{
    char name[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    return vs_variable_scope_enter(g, name, .reuse = reuse);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 4; i++) {
        if (!scope_enterf(g, i < 2 ? VS_REUSE_INHERIT : VS_REUSE, "%s_%d", "tower", i % 2))
            continue;
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        vs_scope_exit(g);
    }
    vs_graph_free(g);
    return 0;
}
