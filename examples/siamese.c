/* A siamese network with three mistakes scopecheck finds before it runs:
 * the second tower forgets reuse, the step counter is int32 but shared
 * without .dtype, and an early return leaves a scope open. */
#include <stdio.h>

#include "varscope.h"

static vs_tensor *tower(vs_graph *g, vs_tensor *x, vs_reuse reuse)
{
    vs_tensor *h = NULL;
    VS_VARIABLE_SCOPE(g, "tower", .reuse = reuse) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(128, 64));
        vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(64), .initializer = vs_init_zeros());
        h = vs_add(g, vs_matmul(g, x, vs_value(w)), vs_value(b));
    }
    return h;
}

static int add_step(vs_graph *g, int resume)
{
    vs_variable_scope_enter(g, "train", .reuse = resume ? VS_REUSE : VS_REUSE_INHERIT);
    if (resume) {
        vs_var *step = vs_get_variable(g, "step");   /* int32 below: needs .dtype */
        return step != NULL;                          /* leaves "train" open */
    }
    vs_get_variable(g, "step", .initializer = vs_init_value(vs_scalar_i32(g, 0)));
    vs_scope_exit(g);
    return 1;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *left = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 128), .name = "left");
    vs_tensor *right = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 128), .name = "right");
    vs_tensor *a = tower(g, left, VS_REUSE_INHERIT);
    vs_tensor *b = tower(g, right, VS_REUSE_INHERIT);  /* should be VS_REUSE */
    printf("%s %s\n", vs_tensor_name(a), vs_tensor_name(b));
    add_step(g, 0);
    add_step(g, 1);
    vs_graph_free(g);
    return 0;
}
