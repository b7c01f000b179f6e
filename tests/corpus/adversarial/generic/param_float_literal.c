/* generic: the same dispatch with a float: case; add_param(g, "decay",
 * 0.5f) takes the float helper (float32), and the evaluation code shares
 * "decay" asking float64: dtype-mismatch. */
#include "varscope.h"

static vs_var *param_float(vs_graph *g, const char *name, float v)
{
    return vs_get_variable(g, name, .shape = VS_SCALAR, .dtype = VS_FLOAT32, .initializer = vs_init_constant(v));
}

static vs_var *param_double(vs_graph *g, const char *name, double v)
{
    return vs_get_variable(g, name, .shape = VS_SCALAR, .dtype = VS_FLOAT64, .initializer = vs_init_constant(v));
}

#define add_param(g, name, v) \
    _Generic((v), float: param_float, default: param_double)((g), (name), (v))

int main(void)
{
    vs_graph *g = vs_graph_new();
    add_param(g, "decay", 0.5f);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "decay", .dtype = VS_FLOAT64); // expect: dtype-mismatch
    }
    vs_graph_free(g);
    return 0;
}
