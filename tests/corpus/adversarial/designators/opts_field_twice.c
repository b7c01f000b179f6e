/* designators: an options struct written as a designated initializer
 * that gives .shape twice (the second line added in a later commit);
 * the variable is created with the last one, (3, 4), and shared with
 * (3, 4).  No run fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_get_variable_opts o = {
        .shape = VS_SHAPE(2, 2),
        .initializer = {VS_INIT_ZEROS, NULL, 0, 0},
        .shape = VS_SHAPE(3, 4),
    };
    vs_get_variable_at(g, "proj", &o, __FILE__, __LINE__);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "proj", .shape = VS_SHAPE(3, 4));
    }
    vs_graph_free(g);
    return 0;
}
