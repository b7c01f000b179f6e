/* api-models: a checkpoint-compat pass makes, for each variable, a
 * "<var>/Adam_copy" by hand from the optimizer's slot name read back with
 * vs_var_name; one name per slot: no run fails. */
#include <stdio.h>
#include <string.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4));
    vs_tensor *y = vs_dense(g, x, 2, .name = "fc");
    vs_optimizer *adam = vs_adam_optimizer(g);
    vs_minimize(g, adam, vs_reduce_mean(g, y));
    const vs_var_list *vars = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "fc/");
    for (size_t i = 0; i < vars->len; i++) {
        vs_var *m = vs_optimizer_get_slot(adam, vars->vars[i], "m");
        if (!m)
            continue;
        char name[128];
        const char *full = vs_var_name(m);
        size_t n = strlen(full);
        if (n > 2 && strcmp(full + n - 2, ":0") == 0)
            n -= 2;
        snprintf(name, sizeof name, "%.*s_copy", (int)n, full);
        vs_get_variable(g, name, .shape = vs_var_shape(m), .not_trainable = true);
    }
    vs_graph_free(g);
    return 0;
}
