/* c-idioms: a builder with the goto-cleanup error path: every failure
 * jumps to `fail`, which frees the buffers; but the encoder scope entered
 * before the second allocation is exited only on success, and a failed
 * decoder build (argc > 2 asks for a decoder width of -1) jumps past the
 * exit: the scope is still open when the graph is freed. */
// oracle-input: argc 1 2 3
#include <stdlib.h>

#include "varscope.h"

static int build(vs_graph *g, int dec_width)
{
    int rc = -1;
    float *scratch = malloc(64 * sizeof *scratch);
    if (!scratch)
        goto fail;
    if (!vs_variable_scope_enter(g, "encoder")) // expect: scope-leak
        goto fail;
    if (!vs_get_variable(g, "w", .shape = VS_SHAPE(4)))
        goto fail;
    if (dec_width < 0)
        goto fail;
    vs_scope_exit(g);
    VS_VARIABLE_SCOPE(g, "decoder") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(dec_width));
    }
    rc = 0;
fail:
    free(scratch);
    return rc;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    build(g, argc > 2 ? -1 : 4);
    vs_graph_free(g);
    return 0;
}
