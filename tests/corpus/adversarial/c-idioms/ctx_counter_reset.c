/* c-idioms: a builder context carries a counter that names blocks
 * ("block0", "block1", ...), bumped through the pointer by each block
 * helper; the eval model is built with a fresh context (counter back at
 * 0) in the same graph and without reuse, so its first block creates
 * block0/w again. */
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
        vs_get_variable(b->g, "w", .shape = VS_SHAPE(width)); // expect: duplicate-variable
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
    builder eval = {g, 0};
    model(&eval);
    vs_graph_free(g);
    return 0;
}
