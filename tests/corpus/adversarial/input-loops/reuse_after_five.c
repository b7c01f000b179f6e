/* input-loops: a buffer of five slot variables, refilled: the first five
 * turns create slot_<i % 5>, later turns share them (reuse on from turn
 * five).  Any argc is fine: no run fails. */
// oracle-input: argc 1 3 5 6 7 9 12
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[24];
    for (int i = 0; i < argc; i++) {
        snprintf(name, sizeof name, "slot_%d", i % 5);
        VS_VARIABLE_SCOPE(g, "ring", .reuse = i >= 5 ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, name, .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
