/* misc: the same search with the graph made once outside the loop (the
 * notebook-cell bug): the second trial's dense "hidden" exists, fails. */
#include "varscope.h"

int main(void)
{
    static const int grid[] = {8, 16};
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4), .name = "x");
    for (int i = 0; i < 2; i++)
        vs_dense(g, x, grid[i], .name = "hidden"); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
