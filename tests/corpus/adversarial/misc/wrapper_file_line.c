/* misc: the team's own wrapper forwards the caller's __FILE__ and
 * __LINE__ (as the library's macros do), so a failure is reported at the
 * wrapper's call site, not inside it: the second make_weight("w") line
 * fails. */
#include "varscope.h"

static vs_var *make_weight_at(vs_graph *g, const char *name, int n,
                              const char *file, int line)
{
    vs_get_variable_opts o = {0};
    o.shape = VS_SHAPE(n);
    o.initializer = vs_init_glorot_uniform();
    return vs_get_variable_at(g, name, &o, file, line);
}

#define make_weight(g, name, n) make_weight_at((g), (name), (n), __FILE__, __LINE__)

int main(void)
{
    vs_graph *g = vs_graph_new();
    make_weight(g, "w", 4);
    make_weight(g, "b", 4);
    make_weight(g, "w", 4); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
