/* backward-goto: a goto loop over four towers, reuse switched on after
 * the first turn, all named "tower": turn 0 creates, turns 1-3 share.
 * No run fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    int t = 0;
top:
    VS_VARIABLE_SCOPE(g, "tower", .reuse = t > 0 ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (++t < 4)
        goto top;
    vs_graph_free(g);
    return 0;
}
