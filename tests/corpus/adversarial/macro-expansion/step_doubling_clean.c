/* macro-expansion: the same growth step as step_doubling_dup.c
 * (`#define STEP(n) n = n * 2 + 1`, so k is always one less than a
 * power of two: 1, 3, 7, 15, 31), and a hand-made layer "l5" afterwards,
 * which no turn ever makes: every run is clean. */
// oracle-input: argc 1 2 3 4 5
#include <stdio.h>

#include "varscope.h"

#define STEP(n) n = n * 2 + 1

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[16];
    int k = 0;
    for (int i = 0; i < argc; i++) {
        STEP(k);
        snprintf(name, sizeof name, "l%d", k);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    VS_VARIABLE_SCOPE(g, "l5") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    vs_graph_free(g);
    return 0;
}
