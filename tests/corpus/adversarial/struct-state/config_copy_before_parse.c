/* struct-state: the eval config is copied from the train config before
 * the options are parsed into the train config (the copy happens at its
 * declaration at the top of main), so "--eval" turns reuse on only in
 * the train config: the eval build, made from the stale copy plus the
 * eval flag, creates the model's weights a second time. */
// oracle-input: args - --eval --small,--eval
#include <stdbool.h>
#include <string.h>

#include "varscope.h"

typedef struct opts {
    int width;
    bool eval;
    vs_reuse reuse;
} opts;

static const opts defaults = {.width = 128};

static void parse(opts *o, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--small"))
            o->width = 16;
        if (!strcmp(argv[i], "--eval")) {
            o->eval = true;
            o->reuse = VS_REUSE;
        }
    }
}

static void tower(vs_graph *g, const opts *o)
{
    VS_VARIABLE_SCOPE(g, "tower", .reuse = o->reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(o->width)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    opts train = defaults, eval = train;
    parse(&train, argc, argv);
    vs_graph *g = vs_graph_new();
    opts first = train;
    first.reuse = VS_REUSE_INHERIT;
    tower(g, &first);
    if (train.eval) {
        eval.eval = true;
        tower(g, &eval);
    }
    vs_graph_free(g);
    return 0;
}
