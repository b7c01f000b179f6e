/* macro-expansion: APPLY(m, x) calls a macro given as an argument;
 * DOUBLE(v) (`v = v + v`) and HALVE(v) (`v /= 2`) are applied in turn, so
 * n is argc again.  Layers l0 .. l<n-1> are made, then, with two
 * arguments or more, l1 by hand: "Variable l1/w already exists" on argc
 * 2; argc 1 is clean. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

#define APPLY(m, x) m(x)
#define DOUBLE(v) v = v + v
#define HALVE(v) v /= 2

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[16];
    int n = argc;
    APPLY(DOUBLE, n);
    APPLY(HALVE, n);
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "l%d", i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, "l1") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
