/* one-value: the model's dtype is chosen once from argv (--fp64) into a
 * struct; the creator passes cfg->dtype, the sharer tests the same field
 * to give .dtype = VS_FLOAT64 (float32 needs none).  Sharing always asks
 * for the stored dtype: no run fails. */
// oracle-input: args - --fp64
#include <string.h>

#include "varscope.h"

struct cfg {
    vs_dtype dtype;
};

static void create(vs_graph *g, const struct cfg *c)
{
    VS_VARIABLE_SCOPE(g, "lm") {
        vs_get_variable(g, "softmax_w", .shape = VS_SHAPE(16, 100), .dtype = c->dtype);
    }
}

static void share(vs_graph *g, const struct cfg *c)
{
    VS_VARIABLE_SCOPE(g, "lm", .reuse = VS_REUSE) {
        if (c->dtype == VS_FLOAT64)
            vs_get_variable(g, "softmax_w", .dtype = VS_FLOAT64);
        else
            vs_get_variable(g, "softmax_w");
    }
}

int main(int argc, char **argv)
{
    struct cfg c = {VS_FLOAT32};
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--fp64") == 0)
            c.dtype = VS_FLOAT64;
    vs_graph *g = vs_graph_new();
    create(g, &c);
    share(g, &c);
    vs_graph_free(g);
    return 0;
}
