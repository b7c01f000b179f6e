/* scope-objects: the captured scope re-entered with reuse, but the
 * struct's width is changed between towers when argc > 2 (a "wide"
 * third tower): the third tower asks for "model/w" with another shape. */
// oracle-input: argc 1 2 3
#include <stddef.h>

#include "varscope.h"

struct model { vs_scope *scope; int width; };

static void tower(vs_graph *g, struct model *m)
{
    if (m->scope == NULL) {
        m->scope = vs_variable_scope_enter(g, "model");
        vs_get_variable(g, "w", .shape = VS_SHAPE(m->width));
        vs_scope_exit(g);
        return;
    }
    vs_variable_scope_reenter(g, m->scope, .reuse = VS_REUSE);
    vs_get_variable(g, "w", .shape = VS_SHAPE(m->width)); // expect: shape-mismatch
    vs_scope_exit(g);
}

int main(int argc, char **argv)
{
    (void)argv;
    struct model m = {NULL, 16};
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++) {
        if (i == 2)
            m.width = 32;
        tower(g, &m);
    }
    vs_graph_free(g);
    return 0;
}
