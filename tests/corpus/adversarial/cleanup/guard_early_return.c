/* cleanup: the GCC/Clang scope-guard idiom: a variable with
 * __attribute__((cleanup(close_scope))) exits the scope at every exit of
 * its block, so the early return on a bad width closes "block" too.  No
 * run leaks or fails. */
// oracle-input: argc 1 2
#include "varscope.h"

static void close_scope(vs_graph **gp)
{
    if (*gp)
        vs_scope_exit(*gp);
}

#define SCOPE_GUARD(g, name) \
    vs_graph *scope_guard_ __attribute__((cleanup(close_scope))) = \
        vs_variable_scope_enter((g), (name)) ? (g) : NULL

static int block(vs_graph *g, int width)
{
    SCOPE_GUARD(g, "block");
    vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    if (width > 2)
        return -1;
    vs_get_variable(g, "b", .shape = VS_SHAPE(4));
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    block(g, argc + 1);
    vs_graph_free(g);
    return 0;
}
