/* one-value: flags packed in bit-fields, set from two environment
 * variables; the first helper creates the heads a flag asks for, the
 * second shares exactly those.  No run fails. */
// oracle-input: env WITH_AUX - 1
// oracle-input: env WITH_CLS - 1
#include <stdlib.h>

#include "varscope.h"

struct heads {
    unsigned aux : 1;
    unsigned cls : 1;
};

static void make_heads(vs_graph *g, struct heads h, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, "heads", .reuse = reuse) {
        if (h.aux)
            vs_get_variable(g, "aux", .shape = VS_SHAPE(8, 2));
        if (h.cls)
            vs_get_variable(g, "cls", .shape = VS_SHAPE(8, 10));
    }
}

int main(void)
{
    struct heads h = {0, 0};
    h.aux = getenv("WITH_AUX") != NULL;
    h.cls = getenv("WITH_CLS") != NULL;
    vs_graph *g = vs_graph_new();
    make_heads(g, h, VS_REUSE_INHERIT);
    make_heads(g, h, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
