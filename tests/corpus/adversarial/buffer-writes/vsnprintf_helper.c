/* buffer-writes: a printf-style helper that names a variable with
 * vsnprintf, as a team's util.c would have it.  Embeddings emb_user,
 * emb_item and emb_ctx are distinct: no run fails. */
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
    return vs_get_variable(g, name, .shape = shape);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const char *fields[] = {"user", "item", "ctx"};
    VS_VARIABLE_SCOPE(g, "embeddings") {
        for (int i = 0; i < 3; i++)
            var_f(g, VS_SHAPE(1000, 16), "emb_%s", fields[i]);
    }
    vs_graph_free(g);
    return 0;
}
