/* one-value: a "profile" flag from argv is stored in a context struct;
 * the profiling name scope is entered when the flag is on, and the
 * matching exit is in another helper that tests ctx->profile again ...
 * with && ctx->verbose added later, so a run with --profile alone leaves
 * the name scope open: scope-leak at vs_graph_free. */
// oracle-input: args - --profile --verbose --profile,--verbose
#include <string.h>

#include "varscope.h"

struct ctx {
    vs_graph *g;
    int profile, verbose;
};

static void begin_step(struct ctx *c)
{
    if (c->profile)
        vs_name_scope_enter(c->g, "profile"); // expect: scope-leak
}

static void end_step(struct ctx *c)
{
    if (c->profile && c->verbose)
        vs_scope_exit(c->g);
}

int main(int argc, char **argv)
{
    struct ctx c = {vs_graph_new(), 0, 0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--profile") == 0)
            c.profile = 1;
        if (strcmp(argv[i], "--verbose") == 0)
            c.verbose = 1;
    }
    begin_step(&c);
    vs_add(c.g, vs_scalar_f32(c.g, 1.0f), vs_scalar_f32(c.g, 2.0f));
    end_step(&c);
    vs_graph_free(c.g);
    return 0;
}
