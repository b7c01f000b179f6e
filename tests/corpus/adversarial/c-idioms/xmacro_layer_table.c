/* c-idioms: an X-macro list generates both an enum of layers and a table
 * of their scope names and widths; the model walks the table.  The list
 * names "proj" twice (a copy-paste when the decoder grew a projection),
 * so the second "proj" scope creates proj/w again. */
#include "varscope.h"

#define LAYERS(X)          \
    X(EMBED, "embed", 8)   \
    X(PROJ, "proj", 16)    \
    X(HIDDEN, "hidden", 16) \
    X(OUT_PROJ, "proj", 4)

enum layer_id {
#define AS_ENUM(id, name, width) LAYER_##id,
    LAYERS(AS_ENUM)
#undef AS_ENUM
    LAYER_COUNT
};

static const struct {
    const char *name;
    int width;
} layer_table[LAYER_COUNT] = {
#define AS_ROW(id, name, width) [LAYER_##id] = {name, width},
    LAYERS(AS_ROW)
#undef AS_ROW
};

int main(void)
{
    vs_graph *g = vs_graph_new();
    int in = 4;
    for (int i = 0; i < LAYER_COUNT; i++) {
        VS_VARIABLE_SCOPE(g, layer_table[i].name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(in, layer_table[i].width)); // expect: duplicate-variable
        }
        in = layer_table[i].width;
    }
    vs_graph_free(g);
    return 0;
}
