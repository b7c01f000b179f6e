/* api-models: after building a dense layer, the code re-enters the
 * layer's own scope (vs_layer_scope) to add a per-layer gain; the eval
 * pass (argc > 1) re-enters it with reuse and asks for a "scale" the
 * training pass never made. */
// oracle-input: argc 1 2
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_layer *fc = vs_dense_layer(g, 8, .name = "fc");
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4));
    vs_layer_apply(g, fc, x);
    VS_VARIABLE_SCOPE_REENTER(g, vs_layer_scope(fc)) {
        vs_get_variable(g, "gain", .shape = VS_SHAPE(8), .initializer = vs_init_ones());
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE_REENTER(g, vs_layer_scope(fc), .reuse = VS_REUSE) {
            vs_get_variable(g, "gain", .shape = VS_SHAPE(8));
            vs_get_variable(g, "scale", .shape = VS_SHAPE(8)); // expect: missing-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
