/* control-shapes: the `first` flag is flipped only after a tower's
 * optional summaries, and a `continue` skips them when argc < 3; so with
 * two towers (argc 2) the flag is still true for tower 1, which creates
 * the weights again.  With argc 3 the flag flips after tower 0 and the
 * later towers reuse; one tower (argc 1) never clashes. */
// oracle-input: argc 1 2 3
#include <stdbool.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    bool first = true;
    int towers = argc == 1 ? 1 : argc;
    bool summaries = argc >= 3;
    for (int i = 0; i < towers; i++) {
        VS_VARIABLE_SCOPE(g, "model", .reuse = first ? VS_REUSE_INHERIT : VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8)); // expect: duplicate-variable
        }
        if (!summaries)
            continue;
        first = false;
    }
    vs_graph_free(g);
    return 0;
}
