/* recursion: the same mutual recursion, started twice with the same
 * depth: the second chain reaches enc/dec/enc/dec/bottleneck again and
 * fails. */
#include "varscope.h"

static void dec(vs_graph *g, int n);

static void enc(vs_graph *g, int n)
{
    VS_VARIABLE_SCOPE(g, "enc") {
        if (n == 0)
            vs_get_variable(g, "bottleneck", .shape = VS_SHAPE(4));
        else
            dec(g, n - 1);
    }
}

static void dec(vs_graph *g, int n)
{
    VS_VARIABLE_SCOPE(g, "dec") {
        if (n == 0)
            vs_get_variable(g, "bottleneck", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        else
            enc(g, n - 1);
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    enc(g, 3);
    enc(g, 3);
    vs_graph_free(g);
    return 0;
}
