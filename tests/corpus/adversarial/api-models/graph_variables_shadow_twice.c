/* api-models: a "shadow copy" pass walks vs_graph_variables and makes
 * "<name>_shadow" for each variable; it is run once per evaluation
 * (argc > 1: twice), and the second pass meets both the originals
 * (already shadowed: their shadow exists) -- a duplicate. */
// oracle-input: argc 1 2
#include <stdio.h>
#include <string.h>

#include "varscope.h"

static void make_shadows(vs_graph *g)
{
    vs_var *vars[32];
    size_t n = vs_graph_variables(g, vars, 32);
    for (size_t i = 0; i < n && i < 32; i++) {
        const char *name = vs_var_name(vars[i]);
        if (strstr(name, "_shadow"))
            continue;
        char shadow[96];
        size_t len = strcspn(name, ":");
        snprintf(shadow, sizeof shadow, "%.*s_shadow", (int)len, name);
        vs_get_variable(g, shadow, .shape = vs_var_shape(vars[i]), .not_trainable = true); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3));
    vs_get_variable(g, "b", .shape = VS_SHAPE(3));
    for (int pass = 0; pass < argc; pass++)
        make_shadows(g);
    vs_graph_free(g);
    return 0;
}
