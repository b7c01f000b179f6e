/* misc: a helper names its head after a static call counter
 * (head_0, head_1, ...), as tf.layers' default names do; three calls,
 * three heads.  No run fails. */
#include <stdio.h>

#include "varscope.h"

static void head(vs_graph *g)
{
    static int calls;
    char name[24];
    snprintf(name, sizeof name, "head_%d", calls++);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    head(g);
    head(g);
    head(g);
    vs_graph_free(g);
    return 0;
}
