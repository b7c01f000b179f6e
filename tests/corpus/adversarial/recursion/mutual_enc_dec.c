/* recursion: encoder and decoder stages call each other alternately
 * (enc -> dec -> enc ...), each stage entering its own scope; at the end
 * of the chain both reach "bottleneck" in different scopes.  No run
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
            vs_get_variable(g, "bottleneck", .shape = VS_SHAPE(4));
        else
            enc(g, n - 1);
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    enc(g, 3);
    enc(g, 2);
    vs_graph_free(g);
    return 0;
}
