/* string-compare: the mode string is a constant "train"; the scope's
 * reuse comes from strcmp(mode, "eval") == 0, so it is off and the
 * variables are created once.  Asking "serve" later shares them: no run
 * fails. */
#include <string.h>

#include "varscope.h"

static void model(vs_graph *g, const char *mode)
{
    int share = strcmp(mode, "eval") == 0 || strcmp(mode, "serve") == 0;
    VS_VARIABLE_SCOPE(g, "model", .reuse = share ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    model(g, "train");
    model(g, "serve");
    vs_graph_free(g);
    return 0;
}
