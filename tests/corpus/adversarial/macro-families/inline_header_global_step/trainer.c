/* macro-families: a header's static inline make_global_step is called by
 * the trainer file and, with a learning-rate schedule (argc 2), by the
 * schedule file too; both create "global_step" at the root, and the
 * second creation fails. */
// oracle-input: argc 1 2
#include "step.h"

void build_schedule(vs_graph *g);

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    make_global_step(g);
    if (argc > 1)
        build_schedule(g);
    vs_graph_free(g);
    return 0;
}
