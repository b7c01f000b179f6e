/* generic: the same make_weight(); the share passes the matrix shape for
 * "b" (a vector of 8): shape-mismatch inside weight_mat. */
#include "varscope.h"

static vs_var *weight_vec(vs_graph *g, const char *name, int n)
{
    return vs_get_variable(g, name, .shape = VS_SHAPE(n));
}

static vs_var *weight_mat(vs_graph *g, const char *name, const int *dims)
{
    return vs_get_variable(g, name, .shape = VS_SHAPE(dims[0], dims[1])); // expect: shape-mismatch
}

#define make_weight(g, name, d) \
    _Generic((d), int: weight_vec, const int *: weight_mat, int *: weight_mat)((g), (name), (d))

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const int wd[2] = {4, 8};
    VS_VARIABLE_SCOPE(g, "layer") {
        make_weight(g, "w", wd);
        make_weight(g, "b", 8);
    }
    VS_VARIABLE_SCOPE(g, "layer", .reuse = VS_REUSE) {
        make_weight(g, "b", wd);
    }
    vs_graph_free(g);
    return 0;
}
