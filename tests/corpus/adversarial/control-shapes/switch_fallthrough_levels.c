/* control-shapes: a switch with fall-through enters one scope per level
 * (level 3 enters "l3", "l2", "l1"; level 1 only "l1"), and a loop exits
 * as many scopes as the level; the level comes from argc.  Balanced on
 * every run; each run builds one weight. */
// oracle-input: argc 1 2 3
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    int level = argc;
    vs_graph *g = vs_graph_new();
    switch (level) {
    case 3:
        vs_variable_scope_enter(g, "l3");
        /* fall through */
    case 2:
        vs_variable_scope_enter(g, "l2");
        /* fall through */
    case 1:
        vs_variable_scope_enter(g, "l1");
        break;
    default:
        level = 0;
        break;
    }
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    for (int i = 0; i < level; i++)
        vs_scope_exit(g);
    vs_graph_free(g);
    return 0;
}
