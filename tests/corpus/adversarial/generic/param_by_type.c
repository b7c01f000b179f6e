/* generic: add_param() dispatches on its value's type with _Generic: an
 * int makes an int32 variable, a double a float64 one.  "steps" is int32
 * and is shared with .dtype = VS_INT32: no run fails. */
#include "varscope.h"

static vs_var *param_int(vs_graph *g, const char *name, int v)
{
    (void)v;
    return vs_get_variable(g, name, .shape = VS_SCALAR, .dtype = VS_INT32, .initializer = vs_init_zeros());
}

static vs_var *param_double(vs_graph *g, const char *name, double v)
{
    return vs_get_variable(g, name, .shape = VS_SCALAR, .dtype = VS_FLOAT64, .initializer = vs_init_constant(v));
}

#define add_param(g, name, v) \
    _Generic((v), int: param_int, double: param_double)((g), (name), (v))

int main(void)
{
    vs_graph *g = vs_graph_new();
    add_param(g, "steps", 0);
    add_param(g, "lr", 0.01);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "steps", .dtype = VS_INT32);
        vs_get_variable(g, "lr", .dtype = VS_FLOAT64);
    }
    vs_graph_free(g);
    return 0;
}
