/* cleanup: two guards in nested blocks close "outer/inner" then "outer"
 * in that order; the model is rebuilt under reuse afterwards.  No run
 * fails. */
#include "varscope.h"

static void close_scope(vs_graph **gp)
{
    if (*gp)
        vs_scope_exit(*gp);
}

#define GUARDED(g, name, ...) \
    vs_graph *guard_##name __attribute__((cleanup(close_scope))) = \
        vs_variable_scope_enter((g), #name, __VA_ARGS__) ? (g) : NULL

static void model(vs_graph *g, vs_reuse reuse)
{
    GUARDED(g, outer, .reuse = reuse);
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    {
        GUARDED(g, inner, .dtype = VS_FLOAT32);
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    model(g, VS_REUSE_INHERIT);
    model(g, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
