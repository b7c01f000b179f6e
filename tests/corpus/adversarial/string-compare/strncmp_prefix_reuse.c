/* string-compare: scopes whose name starts with "eval_" are built under
 * reuse of the training scope of the same suffix (strncmp on the prefix,
 * the suffix after it).  eval_enc shares enc/w: no run fails. */
#include <string.h>

#include "varscope.h"

static void build(vs_graph *g, const char *name)
{
    int eval = strncmp(name, "eval_", 5) == 0;
    const char *scope = eval ? name + 5 : name;
    VS_VARIABLE_SCOPE(g, scope, .reuse = eval ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(5));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    build(g, "enc");
    build(g, "dec");
    build(g, "eval_enc");
    vs_graph_free(g);
    return 0;
}
