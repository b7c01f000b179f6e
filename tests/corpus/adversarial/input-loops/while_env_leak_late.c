/* input-loops: a while loop over DEPTH levels opens a name scope per
 * level and closes them after; the closing loop stops one short when
 * DEPTH > 6 (it was capped at 6 "for the profiler"): scope-leak then. */
// oracle-input: env DEPTH - 2 6 7 9
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    const char *d = getenv("DEPTH");
    int depth = d ? atoi(d) : 1;
    vs_graph *g = vs_graph_new();
    int open = 0;
    while (open < depth) {
        vs_name_scope_enter(g, "level"); // expect: scope-leak
        open++;
    }
    int closing = depth > 6 ? 6 : depth;
    while (closing-- > 0) {
        vs_scope_exit(g);
        open--;
    }
    vs_graph_free(g);
    return 0;
}
