/* macro-families: scope macros that split a brace pair between them
 * (SCOPE_BEGIN opens an `if` block after the enter, SCOPE_END exits and
 * closes it), variadic so that keywords pass through; nested twice and
 * balanced on every path: no run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

#define SCOPE_BEGIN(g, ...) if (vs_variable_scope_enter((g), __VA_ARGS__)) {
#define SCOPE_END(g) vs_scope_exit(g); }

static void model(vs_graph *g, vs_reuse reuse)
{
    SCOPE_BEGIN(g, "model", .reuse = reuse)
        SCOPE_BEGIN(g, "enc")
            vs_get_variable(g, "w", .shape = VS_SHAPE(8));
        SCOPE_END(g)
        SCOPE_BEGIN(g, "dec")
            vs_get_variable(g, "w", .shape = VS_SHAPE(8));
        SCOPE_END(g)
    SCOPE_END(g)
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    model(g, VS_REUSE_INHERIT);
    if (argc > 1)
        model(g, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
