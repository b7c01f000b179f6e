/* api-models: the encoder's scope object is kept in a struct and
 * re-entered with reuse for the evaluation graph; the eval graph also
 * asks for a "proj" the training graph never made (argc > 1). */
// oracle-input: argc 1 2
#include "varscope.h"

typedef struct encoder {
    vs_scope *scope;
    vs_tensor *out;
} encoder;

static void encode(vs_graph *g, encoder *enc, vs_tensor *x, int eval, int with_proj)
{
    if (!enc->scope) {
        VS_VARIABLE_SCOPE_AS(s, g, "encoder") {
            enc->scope = s;
            enc->out = vs_dense(g, x, 8, .name = "fc");
        }
        return;
    }
    VS_VARIABLE_SCOPE_REENTER(g, enc->scope, .reuse = eval ? VS_REUSE : VS_REUSE_INHERIT) {
        enc->out = vs_dense(g, x, 8, .name = "fc");
        if (with_proj)
            vs_dense(g, enc->out, 4, .name = "proj"); // expect: missing-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 16));
    encoder enc = {0};
    encode(g, &enc, x, 0, 0);
    encode(g, &enc, x, 1, argc > 1);
    vs_graph_free(g);
    return 0;
}
