/* c-idioms: an X-macro table of layers with a "share" column: the
 * output projection shares the input projection's weights (tied
 * embeddings) by naming the same scope with reuse on, and both have the
 * same width, so no run fails. */
#include <stdbool.h>

#include "varscope.h"

#define LAYERS(X)                  \
    X(PROJ_IN, "proj", 8, false)   \
    X(HIDDEN, "hidden", 8, false)  \
    X(PROJ_OUT, "proj", 8, true)

enum {
#define AS_ENUM(id, name, width, share) L_##id,
    LAYERS(AS_ENUM)
#undef AS_ENUM
    L_COUNT
};

static const char *const names[L_COUNT] = {
#define AS_NAME(id, name, width, share) [L_##id] = name,
    LAYERS(AS_NAME)
#undef AS_NAME
};
static const int widths[L_COUNT] = {
#define AS_WIDTH(id, name, width, share) [L_##id] = width,
    LAYERS(AS_WIDTH)
#undef AS_WIDTH
};
static const bool shared[L_COUNT] = {
#define AS_SHARE(id, name, width, share) [L_##id] = share,
    LAYERS(AS_SHARE)
#undef AS_SHARE
};

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < L_COUNT; i++) {
        VS_VARIABLE_SCOPE(g, names[i], .reuse = shared[i] ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8, widths[i]));
        }
    }
    vs_graph_free(g);
    return 0;
}
