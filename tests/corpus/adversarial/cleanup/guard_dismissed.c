/* cleanup: a dismissable guard (the pointer set to NULL once the scope is
 * closed by hand, as a commit/rollback guard does): exactly one exit on
 * each path.  No run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

static void close_scope(vs_graph **gp)
{
    if (*gp)
        vs_scope_exit(*gp);
}

static void build(vs_graph *g, int early_close)
{
    vs_graph *guard __attribute__((cleanup(close_scope))) =
        vs_variable_scope_enter(g, "model") ? g : NULL;
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    if (early_close) {
        vs_scope_exit(g);
        guard = NULL;
        vs_scalar_f32(g, 1.0f, .name = "after");
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    build(g, argc > 1);
    vs_graph_free(g);
    return 0;
}
