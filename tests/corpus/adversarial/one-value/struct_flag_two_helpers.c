/* one-value: --eval is stored in a config struct while scanning argv and
 * tested in two helpers: create() makes model/w unless evaluating, and
 * share() asks for it under reuse unless evaluating.  Both read the same
 * field, so no run asks for model/w without having created it. */
// oracle-input: args - --eval --verbose,--eval --verbose
#include <string.h>

#include "varscope.h"

struct config {
    int eval;
    int verbose;
};

static void parse(struct config *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--eval") == 0)
            c->eval = 1;
        else if (strcmp(argv[i], "--verbose") == 0)
            c->verbose = 1;
    }
}

static void create(vs_graph *g, const struct config *c)
{
    if (c->eval)
        return;
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 2));
    }
}

static void share(vs_graph *g, const struct config *c)
{
    if (c->eval)
        return;
    VS_VARIABLE_SCOPE(g, "model", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 2));
    }
}

int main(int argc, char **argv)
{
    struct config cfg = {0, 0};
    parse(&cfg, argc, argv);
    vs_graph *g = vs_graph_new();
    create(g, &cfg);
    share(g, &cfg);
    vs_graph_free(g);
    return 0;
}
