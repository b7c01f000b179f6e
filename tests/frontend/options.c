/* Options built field by field; names made with snprintf. */
#include <stdio.h>
#include "varscope.h"

void layers(vs_graph *g, int n)
{
    char name[32];
    const char *prefix = "layer";
    vs_get_variable_opts opts = {0};
    opts.dtype = VS_FLOAT64;
    opts.shape = VS_SHAPE(4);
    opts.initializer = vs_init_zeros();
    for (int i = 0; i < 3; i++) {
        snprintf(name, sizeof name, "%s_%d", prefix, i);
        vs_get_variable_at(g, name, &opts, __FILE__, __LINE__);
    }
    vs_scope_opts so = {.default_name = "d", .reuse = VS_REUSE};
    int dims[4] = {[1] = 5, [3] = n};
    vs_variable_scope_enter_at(g, NULL, &so, __FILE__, __LINE__);
    (void)dims;
}
