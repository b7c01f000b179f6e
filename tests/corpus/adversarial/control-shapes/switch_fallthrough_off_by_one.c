/* control-shapes: the fall-through switch enters one scope per level,
 * but the exits are written as "one for level 1, then level - 1 more":
 * level 2 and 3 exit one scope too few, and a scope stays open at
 * vs_graph_free (reported where it was entered); a level past the
 * switch's cases (argc 4) enters nothing and still exits three times. */
// oracle-input: argc 1 2 3 4
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    int level = argc;
    vs_graph *g = vs_graph_new();
    switch (level) {
    case 3:
        vs_variable_scope_enter(g, "l3"); // expect: scope-leak
        /* fall through */
    case 2:
        vs_variable_scope_enter(g, "l2"); // expect: scope-leak
        /* fall through */
    case 1:
        vs_variable_scope_enter(g, "l1");
        break;
    }
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    if (level == 1)
        vs_scope_exit(g);
    for (int i = 1; i < level; i++)
        vs_scope_exit(g); // expect: scope-underflow
    vs_graph_free(g);
    return 0;
}
