/* generic: the same enter(); the re-entry of the captured scope is never
 * closed (the exit was lost when a block moved), so "enc" re-entered is
 * still open at vs_graph_free: scope-leak. */
#include "varscope.h"

static int enter_name(vs_graph *g, const char *name)
{
    return vs_variable_scope_enter(g, name) != NULL;
}

static int enter_object(vs_graph *g, vs_scope *s)
{
    return vs_variable_scope_reenter(g, s, .reuse = VS_REUSE) != NULL; // expect: scope-leak
}

#define enter(g, s) \
    _Generic((s), char *: enter_name, const char *: enter_name, vs_scope *: enter_object)((g), (s))

int main(void)
{
    vs_graph *g = vs_graph_new();
    const char *name = "enc";
    enter(g, name);
    vs_scope *enc = vs_get_variable_scope(g);
    vs_get_variable(g, "w", .shape = VS_SHAPE(3));
    vs_scope_exit(g);
    enter(g, enc);
    vs_get_variable(g, "w", .shape = VS_SHAPE(3));
    vs_graph_free(g);
    return 0;
}
