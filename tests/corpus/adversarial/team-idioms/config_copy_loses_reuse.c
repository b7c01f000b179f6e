/* team-idioms: the config is passed by value to a "make_eval" helper that
 * sets reuse on its own copy and then builds from the caller's struct
 * (a pointer kept in a context): the eval model is built without reuse
 * and model/encoder/block0/w already exists. */
#include <stdbool.h>

#include "varscope.h"

typedef struct model_cfg {
    int hidden, depth;
    bool reuse;
} model_cfg;

typedef struct ctx {
    vs_graph *g;
    const model_cfg *cfg;
} ctx;

static void block(const ctx *c, int i)
{
    char name[16] = "block0";
    name[5] = (char)('0' + i);
    VS_VARIABLE_SCOPE(c->g, name) {
        vs_get_variable(c->g, "w", .shape = VS_SHAPE(c->cfg->hidden, c->cfg->hidden)); // expect: duplicate-variable
    }
}

static void model(const ctx *c)
{
    VS_VARIABLE_SCOPE(c->g, "model", .reuse = c->cfg->reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        VS_VARIABLE_SCOPE(c->g, "encoder") {
            for (int i = 0; i < c->cfg->depth; i++)
                block(c, i);
        }
    }
}

static void make_eval(const ctx *c, model_cfg cfg)
{
    cfg.reuse = true;               /* the copy, not c->cfg */
    model(c);
}

int main(void)
{
    model_cfg cfg = {.hidden = 16, .depth = 2};
    vs_graph *g = vs_graph_new();
    ctx c = {g, &cfg};
    model(&c);
    make_eval(&c, cfg);
    vs_graph_free(g);
    return 0;
}
