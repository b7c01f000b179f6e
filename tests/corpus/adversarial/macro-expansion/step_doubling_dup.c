/* macro-expansion: a growth step written as a macro whose body holds the
 * assignment and whose argument holds both operands (`STEP(k)` for
 * `#define STEP(n) n = n * 2 + 1`): k goes 1, 3, 7, 15, one step and one
 * layer "l<k>" per turn, argc turns.  With more than one argument a
 * layer "l7" is made by hand afterwards: on argc 3 and 4 the third turn
 * made it already, "Variable l7/w already exists"; on argc 2 the turns
 * made l1 and l3 only and the run is clean. */
// oracle-input: argc 1 2 3 4
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
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, "l7") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
