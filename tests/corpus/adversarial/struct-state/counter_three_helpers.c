/* struct-state: a build context {graph, layer counter} passed by pointer
 * through three helpers (block -> conv -> new_layer_name); every layer
 * takes the next number: "layer_0", "layer_1", ... all distinct, on any
 * number of blocks. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

typedef struct build_ctx {
    vs_graph *g;
    int n_layers;
    char name[32];
} build_ctx;

static const char *new_layer_name(build_ctx *ctx)
{
    snprintf(ctx->name, sizeof ctx->name, "layer_%d", ctx->n_layers++);
    return ctx->name;
}

static void conv(build_ctx *ctx, int filters)
{
    VS_VARIABLE_SCOPE(ctx->g, new_layer_name(ctx)) {
        vs_get_variable(ctx->g, "kernel", .shape = VS_SHAPE(3, 3, filters));
    }
}

static void block(build_ctx *ctx, int filters)
{
    conv(ctx, filters);
    conv(ctx, filters);
}

int main(int argc, char **argv)
{
    (void)argv;
    build_ctx ctx = {.g = vs_graph_new()};
    for (int b = 0; b < argc; b++)
        block(&ctx, 16 << b);
    vs_graph_free(ctx.g);
    return 0;
}
