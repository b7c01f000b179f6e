/* scope-objects: `tf.get_variable_scope().reuse_variables()` called
 * midway through a block: the first tower creates, then reuse is turned
 * on for the rest of the block, so later towers share; no run fails. */
// oracle-input: argc 1 2 3
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "model") {
        for (int i = 0; i < argc; i++) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8));
            if (i == 0)
                vs_reuse_variables(vs_get_variable_scope(g));
        }
    }
    vs_graph_free(g);
    return 0;
}
