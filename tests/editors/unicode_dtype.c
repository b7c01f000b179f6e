/* The reuse of an int32 variable without .dtype fails (TF 1.15,
 * variable_scope.py, _VariableStore._get_single_variable: "Trying to share
 * variable s/x, but specified dtype float32 and found dtype int32_ref"), on
 * a line with non-ASCII text before the call. */
#include "varscope.h"

static const int32_t v[] = {1, 2, 3};

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "s") {
        vs_get_variable(g, "x", .initializer = vs_init_value(vs_constant_i32(g, 3, v)));
    }
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE) {
        /* ünïcöde 😀 */ vs_var *y = vs_get_variable(g, "x");
        (void)y;
    }
    vs_graph_free(g);
    return 0;
}
