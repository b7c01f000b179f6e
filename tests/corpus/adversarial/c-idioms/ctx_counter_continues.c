/* c-idioms: as ctx_counter_reset.c, but the eval builder starts where
 * the training one stopped (its counter copied from it), so the eval
 * blocks are block2 and block3: no run fails. */
#include <stdio.h>

#include "varscope.h"

typedef struct builder {
    vs_graph *g;
    int next_block;
} builder;

static void block(builder *b, int width)
{
    char name[16];
    snprintf(name, sizeof name, "block%d", b->next_block++);
    VS_VARIABLE_SCOPE(b->g, name) {
        vs_get_variable(b->g, "w", .shape = VS_SHAPE(width));
    }
}

static void model(builder *b)
{
    block(b, 8);
    block(b, 8);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    builder train = {g, 0};
    model(&train);
    builder eval = train;
    model(&eval);
    vs_graph_free(g);
    return 0;
}
