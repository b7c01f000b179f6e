/* input-loops: a model's nesting written on the command line, one token
 * per level: "+name" opens a variable scope, "-" closes one; then the
 * builder closes its own "model".  An input with more closes than opens
 * closes "model" in the loop, and the builder's last exit finds nothing
 * open (or the loop's own exit does, one token earlier). */
// oracle-input: args - +enc,- +enc,+blk,-,- +enc,-,- - -,-
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    vs_graph *g = vs_graph_new();
    vs_variable_scope_enter(g, "model");
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '+')
            vs_variable_scope_enter(g, argv[i] + 1);
        else
            vs_scope_exit(g); // expect: scope-underflow
    }
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    vs_scope_exit(g); // expect: scope-underflow
    vs_graph_free(g);
    return 0;
}
