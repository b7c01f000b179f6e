/* team-idioms: a plugin registered twice (once by its module's init, once
 * by main): the table runs "project" two times in one pass, and the
 * second proj/w already exists. */
#include <stddef.h>

#include "varscope.h"

typedef void (*builder_fn)(vs_graph *g);

static builder_fn registry[8];
static size_t n_registered;

static void register_builder(builder_fn fn)
{
    if (n_registered < sizeof registry / sizeof registry[0])
        registry[n_registered++] = fn;
}

static void embed(vs_graph *g)
{
    vs_get_variable(g, "embedding", .shape = VS_SHAPE(100, 16));
}

static void project(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "proj") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(16, 10)); // expect: duplicate-variable
    }
}

static void projection_module_init(void)
{
    register_builder(project);
}

int main(void)
{
    projection_module_init();
    register_builder(embed);
    register_builder(project);
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "net") {
        for (size_t i = 0; i < n_registered; i++)
            registry[i](g);
    }
    vs_graph_free(g);
    return 0;
}
