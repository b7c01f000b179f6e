/* macro-expansion: INC_BY(n, d) (`n += d`, no parentheses) steps a slot
 * index by two round a ring of six names: layers go to slots 2, 4, 0, 2
 * ...  One layer per argument: with four arguments or more the fourth
 * lands on slot 2 again and "Variable slot2/w already exists". */
// oracle-input: argc 1 2 3 4 5
#include <stdio.h>

#include "varscope.h"

#define INC_BY(n, d) n += d

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[16];
    int slot = 0;
    for (int i = 1; i < argc; i++) {
        INC_BY(slot, 2);
        snprintf(name, sizeof name, "slot%d", slot % 6);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
