/* long-loops: 1,200 steps, each in its own name scope; a "checkpoint"
 * branch at step 1,150 exits once more than it entered (it was meant to
 * close a scope the checkpoint opened): scope-underflow on that turn. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int step = 0; step < 1200; step++) {
        vs_name_scope_enter(g, "step");
        vs_scalar_i32(g, step, .name = "id");
        vs_scope_exit(g);
        if (step == 1150)
            vs_scope_exit(g); // expect: scope-underflow
    }
    vs_graph_free(g);
    return 0;
}
