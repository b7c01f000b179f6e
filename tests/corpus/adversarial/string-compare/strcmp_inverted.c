/* string-compare: the "already built?" test written as if strcmp returned
 * true on equality: for the second request of "decoder" the names are
 * equal, strcmp gives 0, and the code rebuilds: duplicate. */
#include <string.h>

#include "varscope.h"

static const char *last_built = "";

static void build(vs_graph *g, const char *name)
{
    if (strcmp(last_built, name))
        return;
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
    }
    last_built = name;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    last_built = "decoder";
    build(g, "decoder");
    build(g, "decoder");
    vs_graph_free(g);
    return 0;
}
