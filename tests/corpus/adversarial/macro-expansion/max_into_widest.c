/* macro-expansion: MAX_INTO(d, x) is an `if` with an assignment in a
 * macro body (`if ((x) > (d)) d = (x)`), keeping the widest of three
 * widths {4, 8, 3 * argc}.  The projection was made with width 8 and is
 * shared with the widest: argc 3 gives 9 and "Trying to share variable
 * proj/w, but specified shape (9,) and found shape (8,)"; argc 1 and 2
 * are clean. */
// oracle-input: argc 1 2 3
#include "varscope.h"

#define MAX_INTO(d, x) if ((x) > (d)) d = (x)

int main(int argc, char **argv)
{
    (void)argv;
    int widths[3] = {4, 8, 3 * argc};
    int widest = 0;
    for (int i = 0; i < 3; i++)
        MAX_INTO(widest, widths[i]);
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "proj") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8));
    }
    VS_VARIABLE_SCOPE(g, "proj", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(widest)); // expect: shape-mismatch
    }
    vs_graph_free(g);
    return 0;
}
