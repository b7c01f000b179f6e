/* struct-state: enum-indexed width table copied into a local array, and
 * one entry changed for the eval model (a smaller decoder when argc > 1);
 * eval reuses the train variables, so the decoder's weight is asked for
 * with another shape. */
// oracle-input: argc 1 2
#include <string.h>

#include "varscope.h"

enum layer { L_ENC, L_DEC, L_OUT, L_COUNT };
static const char *const names[L_COUNT] = {"enc", "dec", "out"};
static const int train_width[L_COUNT] = {64, 64, 10};

static void build(vs_graph *g, const int *width, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, "net", .reuse = reuse) {
        for (int l = 0; l < L_COUNT; l++) {
            VS_VARIABLE_SCOPE(g, names[l]) {
                vs_get_variable(g, "w", .shape = VS_SHAPE(width[l])); // expect: shape-mismatch
            }
        }
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    int eval_width[L_COUNT];
    memcpy(eval_width, train_width, sizeof eval_width);
    if (argc > 1)
        eval_width[L_DEC] = 32;
    vs_graph *g = vs_graph_new();
    build(g, train_width, VS_REUSE_INHERIT);
    build(g, eval_width, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
