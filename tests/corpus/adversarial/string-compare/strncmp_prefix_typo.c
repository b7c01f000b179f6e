/* string-compare: the same prefix test with a length of 4 ("eval"
 * without the underscore), so the suffix starts at "_enc": the eval
 * build enters a scope "_enc", a name TF rejects at the root (a scope
 * name there must start with a letter, digit or '.'): invalid-name. */
#include <string.h>

#include "varscope.h"

static void build(vs_graph *g, const char *name)
{
    int eval = strncmp(name, "eval", 4) == 0;
    const char *scope = eval ? name + 4 : name;
    VS_VARIABLE_SCOPE(g, scope, .reuse = eval ? VS_REUSE : VS_REUSE_INHERIT) { // expect: invalid-name
        vs_get_variable(g, "w", .shape = VS_SHAPE(5));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    build(g, "enc");
    build(g, "eval_enc");
    vs_graph_free(g);
    return 0;
}
