/* generic: enter() takes a name or a captured scope object, chosen by
 * _Generic; the model enters "enc" by name, captures it, and later
 * re-enters the object under reuse to share enc/w.  Both enters are
 * closed.  No run fails. */
#include "varscope.h"

static int enter_name(vs_graph *g, const char *name)
{
    return vs_variable_scope_enter(g, name) != NULL;
}

static int enter_object(vs_graph *g, vs_scope *s)
{
    return vs_variable_scope_reenter(g, s, .reuse = VS_REUSE) != NULL;
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
    vs_scope_exit(g);
    vs_graph_free(g);
    return 0;
}
