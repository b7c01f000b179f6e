/* error-returns: a hand-written get-or-create: try the variable under a
 * reusing scope first and create it when that returns NULL.  The library
 * reports the failed first try (missing-variable) on the first call of
 * every run, even though the program recovers; the second call finds
 * the variable. */
#include <stddef.h>

#include "varscope.h"

static vs_var *get_or_create(vs_graph *g, const char *scope, const char *name, int width)
{
    vs_var *v = NULL;
    VS_VARIABLE_SCOPE(g, scope, .reuse = VS_REUSE) {
        v = vs_get_variable(g, name, .shape = VS_SHAPE(width)); // expect: missing-variable
    }
    if (v)
        return v;
    VS_VARIABLE_SCOPE(g, scope) {
        v = vs_get_variable(g, name, .shape = VS_SHAPE(width));
    }
    return v;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_var *a = get_or_create(g, "emb", "table", 50);
    vs_var *b = get_or_create(g, "emb", "table", 50);
    int rc = a == b ? 0 : 1;
    vs_graph_free(g);
    return rc;
}
