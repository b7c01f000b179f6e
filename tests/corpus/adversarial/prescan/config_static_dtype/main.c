/* prescan: config.c initialises use_fp64 to 1; the layer is created as
 * float64, and the evaluation pass shares it without a .dtype:
 * missing-dtype on every run. */
#include "varscope.h"

extern int use_fp64;
extern int hidden_units;

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "hidden") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(hidden_units), .dtype = use_fp64 ? VS_FLOAT64 : VS_FLOAT32);
    }
    VS_VARIABLE_SCOPE(g, "hidden", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(hidden_units)); // expect: missing-dtype
    }
    vs_graph_free(g);
    return 0;
}
