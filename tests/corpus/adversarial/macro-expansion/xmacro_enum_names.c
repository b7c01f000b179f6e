/* macro-expansion: one X-macro list gives an enum (L_##n pasted) and a
 * name table (#n stringized).  Every layer is built; the embedding table
 * is then shared by index.  An argument picks the encoder's index
 * instead ("tie the output to the encoder"), which has no table: "Variable
 * enc/table does not exist". */
// oracle-input: argc 1 2
#include "varscope.h"

#define LAYERS(X) X(embed) X(enc) X(dec)
#define AS_ENUM(n) L_##n,
#define AS_NAME(n) #n,

enum layer { LAYERS(AS_ENUM) L_COUNT };
static const char *const layer_names[L_COUNT] = {LAYERS(AS_NAME)};

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < L_COUNT; i++) {
        VS_VARIABLE_SCOPE(g, layer_names[i]) {
            if (i == L_embed)
                vs_get_variable(g, "table", .shape = VS_SHAPE(100, 8));
            else
                vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
        }
    }
    enum layer tied = argc > 1 ? L_enc : L_embed;
    VS_VARIABLE_SCOPE(g, layer_names[tied], .reuse = VS_REUSE) {
        vs_get_variable(g, "table", .shape = VS_SHAPE(100, 8)); // expect: missing-variable
    }
    vs_graph_free(g);
    return 0;
}
