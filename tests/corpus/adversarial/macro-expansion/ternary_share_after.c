/* macro-expansion: SHARE_AFTER(i, s) picks a tower's reuse mode with a
 * conditional in the macro body (`((i) > (s) ? VS_REUSE :
 * VS_REUSE_INHERIT)`), called with s = 1 where 0 was meant: tower 1 is
 * built without reuse while tower 0 made the variables, "Variable
 * tower/kernel already exists" whenever there are two towers (argc 2 and
 * 3); one tower is clean. */
// oracle-input: argc 1 2 3
#include "varscope.h"

#define SHARE_AFTER(i, s) ((i) > (s) ? VS_REUSE : VS_REUSE_INHERIT)

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = SHARE_AFTER(i, 1)) {
            vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
