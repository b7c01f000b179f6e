/* api-models: the generator's variables are collected with a scope
 * filter spelled "Generator" while the scope is "generator": the list is
 * empty and the optimizer refuses it ("No variables to optimize.").
 * With --lower the filter is spelled right. */
// oracle-input: args - --lower
#include <string.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    const char *filter = (argc > 1 && strcmp(argv[1], "--lower") == 0) ? "generator" : "Generator";
    vs_graph *g = vs_graph_new();
    vs_tensor *z = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 8));
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, "generator") {
        out = vs_dense(g, z, 4, .name = "fc");
    }
    vs_tensor *loss = vs_reduce_mean(g, out);
    const vs_var_list *g_vars = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = filter);
    vs_minimize(g, vs_adam_optimizer(g), loss, .var_list = g_vars); // expect: invalid-argument
    vs_graph_free(g);
    return 0;
}
