/* long-loops: a counter incremented on each of 1,500 turns decides what
 * comes next: all 1,500 shards were seen, so the merged table is created
 * once and the partial branch (which shares a table never created) does
 * not run.  No run fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    int seen = 0;
    for (int shard = 0; shard < 1500; shard++)
        seen++;
    if (seen == 1500) {
        vs_get_variable(g, "merged", .shape = VS_SHAPE(1500));
    } else {
        VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
            vs_get_variable(g, "partial", .shape = VS_SHAPE(1500));
        }
    }
    vs_graph_free(g);
    return 0;
}
