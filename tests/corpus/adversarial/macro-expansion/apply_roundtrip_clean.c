/* macro-expansion: macros passed to APPLY(m, x) change n and change it
 * back (DOUBLE then HALVE, INC then DEC), so n is argc again; the layers
 * l0 .. l<n-1> are made once, then shared with reuse over the same
 * count.  Clean on every run. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

#define APPLY(m, x) m(x)
#define DOUBLE(v) v = v + v
#define HALVE(v) v /= 2
#define INC(v) v += 1
#define DEC(v) v -= 1

static void layers(vs_graph *g, int n, vs_reuse r)
{
    char name[16];
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "l%d", i);
        VS_VARIABLE_SCOPE(g, name, .reuse = r) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    int n = argc;
    layers(g, n, VS_REUSE_INHERIT);
    APPLY(DOUBLE, n);
    APPLY(INC, n);
    APPLY(DEC, n);
    APPLY(HALVE, n);
    layers(g, n, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
