/* macro-expansion: a SET(flag, v) helper (`((flag) = (v))`) turns on
 * sharing when there is an argument; the tower is built twice, the second
 * time with reuse when the flag is set.  Without arguments the flag stays
 * off and the second build makes tower/kernel again: "Variable
 * tower/kernel already exists".  With one it shares and is clean. */
// oracle-input: argc 1 2
#include <stdbool.h>

#include "varscope.h"

#define SET(flag, v) ((flag) = (v))

static void tower(vs_graph *g, bool share)
{
    VS_VARIABLE_SCOPE(g, "tower", .reuse = share ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    bool share = false;
    vs_graph *g = vs_graph_new();
    tower(g, share);
    if (argc > 1)
        SET(share, true);
    tower(g, share);
    vs_graph_free(g);
    return 0;
}
