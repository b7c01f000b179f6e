/* one-value: the parsed options are passed by value (a copy per call) to
 * the two phases; both copies hold the same `restore` read from argv.  A
 * restore run shares, a fresh run creates: no run fails. */
// oracle-input: args - --restore
#include <string.h>

#include "varscope.h"

struct opts {
    int restore;
    int units;
};

static void phase_create(vs_graph *g, struct opts o)
{
    if (!o.restore)
        vs_get_variable(g, "head", .shape = VS_SHAPE(o.units));
}

static void phase_share(vs_graph *g, struct opts o)
{
    if (o.restore)
        return;
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "head", .shape = VS_SHAPE(o.units));
    }
}

int main(int argc, char **argv)
{
    struct opts o = {0, 10};
    if (argc > 1 && strcmp(argv[1], "--restore") == 0)
        o.restore = 1;
    vs_graph *g = vs_graph_new();
    phase_create(g, o);
    phase_share(g, o);
    vs_graph_free(g);
    return 0;
}
