/* input-loops: a loop over argc * 2 towers runs at least twice (argc >= 1): the
 * shared "w" exists when it is done, so the reuse after it finds it.
 * (With argc * 2 unknown, the loop could run no turn, and the reuse
 * would fail on that path: an error no run hits.) */
// oracle-input: argc 1 2 3
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    int towers = argc * 2;
    for (int i = 0; i < towers; i++) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_AUTO_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    vs_graph_free(g);
    return 0;
}
