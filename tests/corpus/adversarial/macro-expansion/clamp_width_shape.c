/* macro-expansion: CLAMP(x, lo, hi) assigns a clamped width in place
 * (`((x) = (x) < (lo) ? (lo) : (x) > (hi) ? (hi) : (x))`).  The shared
 * projection was made with width 8; the second use asks for the clamped
 * width argc * 3 under reuse: argc 2 gives 6 and "Trying to share
 * variable proj/w, but specified shape (6,) and found shape (8,)"; argc 3
 * and 4 clamp to 8 and are clean. */
// oracle-input: argc 2 3 4
#include "varscope.h"

#define CLAMP(x, lo, hi) ((x) = (x) < (lo) ? (lo) : (x) > (hi) ? (hi) : (x))

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "proj") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8));
    }
    int width = argc * 3;
    CLAMP(width, 2, 8);
    VS_VARIABLE_SCOPE(g, "proj", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(width)); // expect: shape-mismatch
    }
    vs_graph_free(g);
    return 0;
}
