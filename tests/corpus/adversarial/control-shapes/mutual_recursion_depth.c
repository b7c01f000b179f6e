/* control-shapes: encoder and decoder blocks built by two mutually
 * recursive functions down to a depth from argc, each level nesting its
 * scope inside the caller's ("enc/dec/enc/..."): every path is new, no
 * run fails. */
// oracle-input: argc 1 2 3
#include "varscope.h"

static void dec_block(vs_graph *g, int depth);

static void enc_block(vs_graph *g, int depth)
{
    VS_VARIABLE_SCOPE(g, "enc") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        if (depth > 0)
            dec_block(g, depth - 1);
    }
}

static void dec_block(vs_graph *g, int depth)
{
    VS_VARIABLE_SCOPE(g, "dec") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        if (depth > 0)
            enc_block(g, depth - 1);
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    enc_block(g, argc);
    vs_graph_free(g);
    return 0;
}
