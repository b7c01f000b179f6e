/* macro-families: the brace-splitting SCOPE_BEGIN/SCOPE_END macros with
 * an early `return` between them when the decoder is disabled (argc 2):
 * the return skips SCOPE_END and "model" stays open at vs_graph_free. */
// oracle-input: argc 1 2
#include <stdbool.h>

#include "varscope.h"

#define SCOPE_BEGIN(g, ...) if (vs_variable_scope_enter((g), __VA_ARGS__)) {
#define SCOPE_END(g) vs_scope_exit(g); }

static void model(vs_graph *g, bool with_decoder)
{
    SCOPE_BEGIN(g, "model") // expect: scope-leak
        vs_get_variable(g, "enc_w", .shape = VS_SHAPE(8));
        if (!with_decoder)
            return;
        vs_get_variable(g, "dec_w", .shape = VS_SHAPE(8));
    SCOPE_END(g)
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    model(g, argc < 2);
    vs_graph_free(g);
    return 0;
}
