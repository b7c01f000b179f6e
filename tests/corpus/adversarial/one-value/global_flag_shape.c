/* one-value: a global "wide" flag from the environment picks the hidden
 * width when the layer is created (64 or 128); the evaluation graph
 * shares the layer and reads the flag again, but spells the widths the
 * other way round: every run with WIDE set asks for [32, 64] where
 * [32, 128] exists, and every run without it the reverse. */
// oracle-input: env WIDE - 1
#include <stdlib.h>

#include "varscope.h"

static int wide;

static void train_graph(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "hidden") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(32, wide ? 128 : 64));
    }
}

static void eval_graph(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "hidden", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(32, wide ? 64 : 128)); // expect: shape-mismatch
    }
}

int main(void)
{
    wide = getenv("WIDE") != NULL;
    vs_graph *g = vs_graph_new();
    train_graph(g);
    eval_graph(g);
    vs_graph_free(g);
    return 0;
}
