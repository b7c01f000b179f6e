/* struct-state: a config cleared with memset and filled field by field
 * (scope, width, reuse); the second build copies it and sets reuse; no
 * run fails. */
// oracle-input: argc 1 2
#include <string.h>

#include "varscope.h"

struct cfg { const char *scope; int width; vs_reuse reuse; };

static void build(vs_graph *g, const struct cfg *c)
{
    VS_VARIABLE_SCOPE(g, c->scope, .reuse = c->reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(c->width));
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    struct cfg c;
    memset(&c, 0, sizeof c);
    c.scope = "net";
    c.width = argc > 1 ? 32 : 16;
    vs_graph *g = vs_graph_new();
    build(g, &c);
    struct cfg again;
    memcpy(&again, &c, sizeof again);
    again.reuse = VS_REUSE;
    build(g, &again);
    vs_graph_free(g);
    return 0;
}
