/* api-models: an attention helper passes its reuse flag to two unnamed
 * dense layers; with reuse=True both enter "dense" by name, so the second
 * (units 1) meets the first one's [16, 8] kernel: shape mismatch on the
 * second fact. */
#include <stdbool.h>

#include "varscope.h"

static vs_tensor *attention(vs_graph *g, vs_tensor *features, bool reuse)
{
    vs_tensor *a = NULL;
    VS_VARIABLE_SCOPE(g, "attention", .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        a = vs_dense(g, features, 8, .activation = VS_ACT_TANH, .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT);
        a = vs_dense(g, a, 1, .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT); // expect: shape-mismatch
    }
    return a;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *features = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 16));
    for (int i = 0; i < 3; i++)
        attention(g, features, i > 0);
    vs_graph_free(g);
    return 0;
}
