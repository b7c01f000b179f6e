/* buffer-writes: fully connected layers named after their width, built
 * with p += sprintf(p, ...); the widths 128, 64, 128 give fc_128 twice
 * and the third layer fails (its scope fc_128 holds a kernel already). */
#include <stdio.h>

#include "varscope.h"

static const int widths[] = {128, 64, 128};

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *h = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 128), .name = "features");
    char name[32];

    for (int i = 0; i < 3; i++) {
        char *p = name;
        p += sprintf(p, "fc");
        p += sprintf(p, "_%d", widths[i]);
        h = vs_dense(g, h, widths[i], .name = name); // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
