/* graph-reads: the captured scope's name (vs_scope_name) is used to
 * re-enter it by name under reuse from another module; the name is
 * "encoder" and its w exists.  No run fails. */
#include "varscope.h"

static const char *build_encoder(vs_graph *g)
{
    const char *name = NULL;
    VS_VARIABLE_SCOPE_AS(s, g, "encoder") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
        name = vs_scope_name(s);
    }
    return name;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    const char *enc = build_encoder(g);
    VS_VARIABLE_SCOPE(g, enc, .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    }
    vs_graph_free(g);
    return 0;
}
