/* misc: a hyper-parameter search that builds each trial in a fresh graph
 * (tf.reset_default_graph() between trials): the same names every time,
 * no clash.  No run fails. */
#include "varscope.h"

static void trial(int units)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4), .name = "x");
    vs_dense(g, x, units, .name = "hidden");
    vs_graph_free(g);
}

int main(void)
{
    static const int grid[] = {8, 16, 32};
    for (int i = 0; i < 3; i++)
        trial(grid[i]);
    return 0;
}
