/* cleanup: a guard, and an explicit vs_scope_exit left over from before
 * the guard was introduced: the block's scope is exited twice (once by
 * hand, once by the guard at the closing brace), and the second exit
 * finds nothing open: scope-underflow. */
#include "varscope.h"

static void close_scope(vs_graph **gp)
{
    if (*gp)
        vs_scope_exit(*gp); // expect: scope-underflow
}

#define SCOPE_GUARD(g, name) \
    vs_graph *scope_guard_ __attribute__((cleanup(close_scope))) = \
        vs_variable_scope_enter((g), (name)) ? (g) : NULL

static void block(vs_graph *g)
{
    SCOPE_GUARD(g, "block");
    vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    vs_scope_exit(g);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    block(g);
    vs_graph_free(g);
    return 0;
}
