/* macro-expansion: TRACE(e) logs an expression's text and yields its
 * value with a comma operator (`(fprintf(stderr, "%s\n", #e), (e))`),
 * around a compound assignment `depth += 1` in the argument.  Each turn
 * enters one more nested scope; the exits come from a loop over `depth`,
 * which counts one too many when there are arguments (a "header" level
 * that was never entered): scope-underflow. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

#define TRACE(e) (fprintf(stderr, "%s\n", #e), (e))

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    int depth = 0;
    for (int i = 0; i < 3; i++) {
        vs_variable_scope_enter(g, "level");
        TRACE(depth += 1);
    }
    if (argc > 1)
        TRACE(depth += 1);
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    while (depth > 0) {
        vs_scope_exit(g); // expect: scope-underflow
        depth -= 1;
    }
    vs_graph_free(g);
    return 0;
}
