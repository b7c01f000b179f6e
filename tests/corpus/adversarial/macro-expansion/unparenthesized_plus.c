/* macro-expansion: ADD1(x) is written without parentheses (`x + 1`), so
 * `ADD1(argc) * 2` is argc + 2, not (argc + 1) * 2.  Layers l0 ..
 * l<argc+1> are made, then, with arguments, l4 by hand: argc 3 made l0 ..
 * l4 and "Variable l4/w already exists"; argc 2 made l0 .. l3 and is
 * clean (reading the operators as written out, it would not be). */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

#define ADD1(x) x + 1

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[16];
    int n = ADD1(argc) * 2;
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "l%d", i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, "l4") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
