/* team-idioms: a config struct passed down by pointer through model ->
 * encoder -> block; the caller sets cfg.reuse before building the eval
 * copy, and every layer reads it from the config: the eval model shares. */
#include <stdbool.h>

#include "varscope.h"

typedef struct model_cfg {
    int hidden, depth;
    bool reuse;
} model_cfg;

static void block(vs_graph *g, const model_cfg *cfg, int i)
{
    char name[16] = "block0";
    name[5] = (char)('0' + i);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(cfg->hidden, cfg->hidden));
    }
}

static void encoder(vs_graph *g, const model_cfg *cfg)
{
    VS_VARIABLE_SCOPE(g, "encoder") {
        for (int i = 0; i < cfg->depth; i++)
            block(g, cfg, i);
    }
}

static void model(vs_graph *g, const model_cfg *cfg)
{
    VS_VARIABLE_SCOPE(g, "model", .reuse = cfg->reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        encoder(g, cfg);
    }
}

int main(void)
{
    model_cfg cfg = {.hidden = 16, .depth = 3};
    vs_graph *g = vs_graph_new();
    model(g, &cfg);                 /* train */
    cfg.reuse = true;
    model(g, &cfg);                 /* eval, shared */
    vs_graph_free(g);
    return 0;
}
