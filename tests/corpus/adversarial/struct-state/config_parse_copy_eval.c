/* struct-state: a config struct filled by parse_args through a pointer
 * (width from "--wide", scope name, reuse), copied by value for the eval
 * tower, and the copy's reuse set before building: the eval tower shares
 * the train tower's variables on every run. */
// oracle-input: args - --wide --wide,--eval
#include <stdbool.h>
#include <string.h>

#include "varscope.h"

typedef struct model_config {
    const char *scope;
    int width;
    vs_reuse reuse;
    bool eval;
} model_config;

static void parse_args(model_config *cfg, int argc, char **argv)
{
    cfg->scope = "model";
    cfg->width = 64;
    cfg->reuse = VS_REUSE_INHERIT;
    cfg->eval = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--wide") == 0)
            cfg->width = 256;
        else if (strcmp(argv[i], "--eval") == 0)
            cfg->eval = true;
    }
}

static void build(vs_graph *g, const model_config *cfg)
{
    VS_VARIABLE_SCOPE(g, cfg->scope, .reuse = cfg->reuse) {
        vs_get_variable(g, "w1", .shape = VS_SHAPE(32, cfg->width));
        vs_get_variable(g, "w2", .shape = VS_SHAPE(cfg->width, 10));
    }
}

int main(int argc, char **argv)
{
    model_config train;
    parse_args(&train, argc, argv);
    vs_graph *g = vs_graph_new();
    build(g, &train);
    if (train.eval) {
        model_config eval = train;
        eval.reuse = VS_REUSE;
        build(g, &eval);
    }
    vs_graph_free(g);
    return 0;
}
