/* cleanup: a guard set unconditionally (not from the enter's result):
 * when the enter fails (the scope name comes from a list and "bad name"
 * is invalid), nothing was entered but the guard still exits, and finds
 * nothing open: invalid-name, then scope-underflow. */
#include "varscope.h"

static void close_scope(vs_graph **gp)
{
    vs_scope_exit(*gp); // expect: scope-underflow
}

static void block(vs_graph *g, const char *name)
{
    vs_graph *guard __attribute__((cleanup(close_scope))) = g;
    vs_variable_scope_enter(g, name); // expect: invalid-name
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const char *blocks[] = {"good", "bad name"};
    for (int i = 0; i < 2; i++)
        block(g, blocks[i]);
    vs_graph_free(g);
    return 0;
}
