/* one-value: the same two helpers, but share() tests the flag the other
 * way round (a slip in a refactoring): with --eval nothing is created and
 * share() asks for model/w under reuse, which fails; without it the run is
 * clean. */
// oracle-input: args - --eval
#include <string.h>

#include "varscope.h"

struct config {
    int eval;
};

static void parse(struct config *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--eval") == 0)
            c->eval = 1;
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
    if (!c->eval)
        return;
    VS_VARIABLE_SCOPE(g, "model", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 2)); // expect: missing-variable
    }
}

int main(int argc, char **argv)
{
    struct config cfg = {0};
    parse(&cfg, argc, argv);
    vs_graph *g = vs_graph_new();
    create(g, &cfg);
    share(g, &cfg);
    vs_graph_free(g);
    return 0;
}
