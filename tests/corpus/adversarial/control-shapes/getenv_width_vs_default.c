/* control-shapes: the width comes from HIDDEN in the environment (default
 * 32) for the train tower, but the eval tower hard-codes 32; with HIDDEN
 * set to another width the shared variable is asked for with another
 * shape. */
// oracle-input: env HIDDEN - 32 64
#include <stdlib.h>

#include "varscope.h"

int main(void)
{
    const char *env = getenv("HIDDEN");
    int hidden = env ? atoi(env) : 32;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "rnn") {
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(hidden, hidden));
    }
    VS_VARIABLE_SCOPE(g, "rnn", .reuse = VS_REUSE) {
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(32, 32)); // expect: shape-mismatch
    }
    vs_graph_free(g);
    return 0;
}
