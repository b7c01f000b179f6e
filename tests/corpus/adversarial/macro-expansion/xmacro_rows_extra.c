/* macro-expansion: an X-macro table whose rows expand to scope blocks
 * (`X(name, width)` -> `VS_VARIABLE_SCOPE(g, #name) { w }`).  The base
 * table is clean; an extra table applied with arguments repeats the row
 * fc: "Variable fc/w already exists". */
// oracle-input: argc 1 2
#include "varscope.h"

#define BASE_LAYERS(X) X(conv1, 3) X(conv2, 5) X(fc, 8)
#define EXTRA_LAYERS(X) X(logits, 10) X(fc, 8)

#define MAKE_LAYER(name, width)                                            \
    VS_VARIABLE_SCOPE(g, #name) {                                          \
        vs_get_variable(g, "w", .shape = VS_SHAPE(width));                 \
    }

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    BASE_LAYERS(MAKE_LAYER)
    if (argc > 1) {
        EXTRA_LAYERS(MAKE_LAYER) // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
