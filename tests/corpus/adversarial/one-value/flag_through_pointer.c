/* one-value: the flag is read once through a pointer to the field and
 * once as the field itself (a helper gets `const int *frozen`).  Both are
 * the same int: a frozen model is shared, an unfrozen one created, and
 * no run fails. */
// oracle-input: env FREEZE - 1
#include <stdlib.h>

#include "varscope.h"

struct run {
    int frozen;
    const char *scope;
};

static void backbone(vs_graph *g, const int *frozen)
{
    VS_VARIABLE_SCOPE(g, "backbone", .reuse = *frozen ? VS_AUTO_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "conv", .shape = VS_SHAPE(3, 3, 16));
    }
}

int main(void)
{
    struct run r = {0, "backbone"};
    r.frozen = getenv("FREEZE") != NULL;
    vs_graph *g = vs_graph_new();
    backbone(g, &r.frozen);
    if (r.frozen)
        backbone(g, &r.frozen);
    vs_graph_free(g);
    return 0;
}
