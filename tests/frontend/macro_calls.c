/* Keyword-macro calls: locations at the invocation, multi-line ones. */
#include "varscope.h"

#define WNAME "w"

vs_var *calls(vs_graph *g, vs_tensor *x)
{
    vs_var *a = vs_get_variable(g, "a");
    vs_var *b = vs_get_variable(g, WNAME,
                                .dtype = VS_INT32,
                                .shape = VS_SHAPE(2, 3));
    vs_var *c = vs_get_variable(g, "c", .shape = VS_SCALAR,
        .initializer = vs_init_value(vs_scalar_i32(g, 7)));
    vs_tensor *d = vs_dense(g, x, 4, .name = "fc");
    (void)a;
    (void)c;
    (void)d;
    return b;
}
