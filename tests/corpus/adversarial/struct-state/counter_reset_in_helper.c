/* struct-state: the same context passed through three helpers, but the
 * block helper resets the counter when a block starts a new stage
 * (stage blocks are every second one), so the third block (argc 3)
 * numbers its layers from 0 again: "layer_0" is created twice. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

typedef struct build_ctx {
    vs_graph *g;
    int n_layers;
} build_ctx;

static void layer(build_ctx *ctx, int width)
{
    char name[32];
    snprintf(name, sizeof name, "layer_%d", ctx->n_layers);
    ctx->n_layers += 1;
    vs_variable_scope_enter(ctx->g, name);
    vs_get_variable(ctx->g, "w", .shape = VS_SHAPE(width)); // expect: duplicate-variable
    vs_scope_exit(ctx->g);
}

static void stage_start(build_ctx *ctx, int b)
{
    if (b % 2 == 0)
        ctx->n_layers = 0;
}

static void block(build_ctx *ctx, int b)
{
    stage_start(ctx, b);
    layer(ctx, 8);
}

int main(int argc, char **argv)
{
    (void)argv;
    build_ctx ctx = {vs_graph_new(), 0};
    for (int b = 0; b < argc; b++)
        block(&ctx, b);
    vs_graph_free(ctx.g);
    return 0;
}
