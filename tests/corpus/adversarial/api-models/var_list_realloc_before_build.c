/* api-models: the trainable variables are gathered into a growable array
 * (realloc) before the model exists -- the list is empty and minimize
 * refuses it; with --late the gathering runs after the build. */
// oracle-input: args - --late
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

typedef struct var_vec {
    vs_var **items;
    size_t len, cap;
} var_vec;

static int push(var_vec *v, vs_var *x)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 4;
        vs_var **p = realloc(v->items, cap * sizeof *p);
        if (!p)
            return -1;
        v->items = p;
        v->cap = cap;
    }
    v->items[v->len++] = x;
    return 0;
}

static void gather(vs_graph *g, var_vec *v)
{
    const vs_var_list *all = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    for (size_t i = 0; i < all->len; i++)
        if (push(v, all->vars[i]) != 0)
            break;
}

int main(int argc, char **argv)
{
    int late = argc > 1 && strcmp(argv[1], "--late") == 0;
    vs_graph *g = vs_graph_new();
    var_vec vars = {0};
    if (!late)
        gather(g, &vars);
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4));
    vs_tensor *y = vs_dense(g, x, 2, .name = "out");
    if (late)
        gather(g, &vars);
    vs_var_list list = {vars.len, vars.items};
    vs_minimize(g, vs_gradient_descent_optimizer(g, 0.1), vs_reduce_mean(g, y), .var_list = &list); // expect: invalid-argument
    free(vars.items);
    vs_graph_free(g);
    return 0;
}
