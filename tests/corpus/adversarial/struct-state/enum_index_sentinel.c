/* struct-state: layers named by an enum used as array index, with a
 * counting sentinel (LAYER_COUNT) sizing the name and width tables; the
 * model is built once, then once more under a reusing scope for eval
 * (argc 2): every layer shares. */
// oracle-input: argc 1 2
#include "varscope.h"

enum layer { LAYER_EMBED, LAYER_ENC, LAYER_DEC, LAYER_OUT, LAYER_COUNT };

static const char *const layer_names[LAYER_COUNT] = {
    [LAYER_EMBED] = "embed", [LAYER_ENC] = "enc",
    [LAYER_DEC] = "dec", [LAYER_OUT] = "out",
};
static const int layer_width[LAYER_COUNT] = {300, 128, 128, 10};

static void build(vs_graph *g, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, "seq2seq", .reuse = reuse) {
        for (enum layer l = 0; l < LAYER_COUNT; l++) {
            VS_VARIABLE_SCOPE(g, layer_names[l]) {
                vs_get_variable(g, "w", .shape = VS_SHAPE(layer_width[l]));
            }
        }
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    build(g, VS_REUSE_INHERIT);
    if (argc > 1)
        build(g, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
