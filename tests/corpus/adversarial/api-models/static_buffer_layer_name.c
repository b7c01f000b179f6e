/* api-models: a naming helper returns a static buffer; the caller keeps
 * two names from it and builds the encoder's layers from both, but both
 * pointers hold the last name written ("fc1"): the second scope's
 * kernel already exists. */
#include <stdio.h>

#include "varscope.h"

static const char *layer_name(int i)
{
    static char buf[16];
    snprintf(buf, sizeof buf, "fc%d", i);
    return buf;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 8));
    const char *first = layer_name(0);
    const char *second = layer_name(1);
    vs_tensor *h = vs_dense(g, x, 8, .name = first);
    vs_dense(g, h, 8, .name = second); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
