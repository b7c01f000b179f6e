/* generic: the same as_tensor(), with both projections named "proj": the
 * second dense creates proj/kernel again and fails. */
#include "varscope.h"

static vs_tensor *tensor_id(vs_tensor *t) { return t; }

#define as_tensor(x) _Generic((x), vs_var *: vs_value, vs_tensor *: tensor_id)(x)

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4), .name = "x");
    vs_var *emb = vs_get_variable(g, "emb", .shape = VS_SHAPE(10, 4));
    vs_dense(g, as_tensor(emb), 8, .name = "proj");
    vs_dense(g, as_tensor(x), 8, .name = "proj"); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
