/* struct-state: a model struct holding an encoder struct holding its
 * config, reached as model->enc.cfg.reuse through pointers; the eval
 * model is a copy of the train model with only the decoder's reuse
 * turned on (the encoder's forgotten), so evaluating (argc 2) creates
 * the encoder's weight twice. */
// oracle-input: argc 1 2
#include "varscope.h"

typedef struct part_cfg { const char *name; int width; vs_reuse reuse; } part_cfg;
typedef struct part { part_cfg cfg; } part;
typedef struct model { part enc, dec; } model;

static void build_part(vs_graph *g, const part *p)
{
    VS_VARIABLE_SCOPE(g, p->cfg.name, .reuse = p->cfg.reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(p->cfg.width)); // expect: duplicate-variable
    }
}

static void build(vs_graph *g, const model *m)
{
    build_part(g, &m->enc);
    build_part(g, &m->dec);
}

int main(int argc, char **argv)
{
    (void)argv;
    model train = {.enc = {{"enc", 64, VS_REUSE_INHERIT}},
                   .dec = {{"dec", 64, VS_REUSE_INHERIT}}};
    vs_graph *g = vs_graph_new();
    build(g, &train);
    if (argc > 1) {
        model eval = train;
        model *m = &eval;
        m->dec.cfg.reuse = VS_REUSE;
        build(g, m);
    }
    vs_graph_free(g);
    return 0;
}
