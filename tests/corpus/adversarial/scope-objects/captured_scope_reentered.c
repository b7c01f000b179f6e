/* scope-objects: the model's scope object is kept in a struct when first
 * entered and re-entered by object with reuse for every later tower (as
 * `with tf.variable_scope(scope, reuse=True)`): towers share; no run
 * fails. */
// oracle-input: argc 1 2 3
#include <stddef.h>

#include "varscope.h"

struct model { vs_scope *scope; int width; };

static void tower(vs_graph *g, struct model *m)
{
    if (!m->scope) {
        VS_VARIABLE_SCOPE_AS(s, g, "model") {
            m->scope = s;
            vs_get_variable(g, "w", .shape = VS_SHAPE(m->width));
        }
        return;
    }
    VS_VARIABLE_SCOPE_REENTER(g, m->scope, .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(m->width));
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    struct model m = {NULL, 16};
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++)
        tower(g, &m);
    vs_graph_free(g);
    return 0;
}
