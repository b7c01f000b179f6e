/* gnu-c: enter results checked through `unlikely()` (__builtin_expect);
 * a failed enter returns before anything to exit; the scope name is bad
 * with argc 2.  Balanced on every run. */
// oracle-input: argc 1 2
#include "varscope.h"

#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely(x) __builtin_expect(!!(x), 1)

static int block(vs_graph *g, const char *name)
{
    vs_scope *s = vs_variable_scope_enter(g, name); // expect: invalid-name
    if (unlikely(s == NULL))
        return -1;
    if (likely(vs_get_variable(g, "w", .shape = VS_SHAPE(3)) != NULL))
        vs_get_variable(g, "b", .shape = VS_SHAPE(3));
    vs_scope_exit(g);
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    block(g, argc > 1 ? "bad name" : "ok");
    vs_graph_free(g);
    return 0;
}
