/* macro-expansion: the projection's width is an object-like macro with an
 * operator (`#define HIDDEN (units << 1)`) written as one word in
 * VS_SHAPE(HIDDEN).  The projection is made in one tower and shared in
 * the next; with arguments, units grows between the two towers
 * (`units += argc - 1`) and the shared one asks for another width:
 * "Trying to share variable proj/w, but specified shape (6,) and found
 * shape (4,)" on argc 2. */
// oracle-input: argc 1 2
#include "varscope.h"

#define HIDDEN (units << 1)

int main(int argc, char **argv)
{
    (void)argv;
    int units = 2;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "proj") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(HIDDEN));
    }
    units += argc - 1;
    VS_VARIABLE_SCOPE(g, "proj", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(HIDDEN)); // expect: shape-mismatch
    }
    vs_graph_free(g);
    return 0;
}
