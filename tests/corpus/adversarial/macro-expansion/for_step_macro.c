/* macro-expansion: FOR_STEP(i, from, to, s) is a for header with a
 * compound assignment in its step (`i += (s)`), stepping by argc over
 * 0..7 and making layer l<i>.  Afterwards, with arguments, layer l3 is
 * made by hand: with argc 3 the loop made l0, l3, l6 and "Variable l3/w
 * already exists"; with argc 2 it made l0, l2, l4, l6 and the run is
 * clean. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

#define FOR_STEP(i, from, to, s) for (int i = (from); i < (to); i += (s))

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[16];
    FOR_STEP(i, 0, 8, argc) {
        snprintf(name, sizeof name, "l%d", i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, "l3") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
