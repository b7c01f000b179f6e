/* generic: make_weight() takes its shape as an int (a vector) or as a
 * pointer to two ints (a matrix); the vector "b" and the matrix "w" are
 * created once each, then "b" is shared as a vector.  No run fails. */
#include "varscope.h"

static vs_var *weight_vec(vs_graph *g, const char *name, int n)
{
    return vs_get_variable(g, name, .shape = VS_SHAPE(n));
}

static vs_var *weight_mat(vs_graph *g, const char *name, const int *dims)
{
    return vs_get_variable(g, name, .shape = VS_SHAPE(dims[0], dims[1]));
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
        make_weight(g, "b", 8);
    }
    vs_graph_free(g);
    return 0;
}
