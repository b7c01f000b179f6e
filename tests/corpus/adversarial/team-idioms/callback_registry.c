/* team-idioms: builder callbacks registered in a fixed-size array (a
 * plugin table), run in order twice; the second pass runs under a
 * reusing scope, so every callback shares: no run fails. */
#include <stddef.h>

#include "varscope.h"

typedef void (*builder_fn)(vs_graph *g, void *user);

static builder_fn registry[8];
static void *registry_user[8];
static size_t n_registered;

static void register_builder(builder_fn fn, void *user)
{
    if (n_registered < sizeof registry / sizeof registry[0]) {
        registry[n_registered] = fn;
        registry_user[n_registered] = user;
        n_registered++;
    }
}

static void embed(vs_graph *g, void *user)
{
    int dim = *(int *)user;
    vs_get_variable(g, "embedding", .shape = VS_SHAPE(100, dim));
}

static void project(vs_graph *g, void *user)
{
    int dim = *(int *)user;
    VS_VARIABLE_SCOPE(g, "proj") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(dim, 10));
    }
}

static void run_all(vs_graph *g, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, "net", .reuse = reuse) {
        for (size_t i = 0; i < n_registered; i++)
            registry[i](g, registry_user[i]);
    }
}

int main(void)
{
    int dim = 16;
    register_builder(embed, &dim);
    register_builder(project, &dim);
    vs_graph *g = vs_graph_new();
    run_all(g, VS_REUSE_INHERIT);
    run_all(g, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
