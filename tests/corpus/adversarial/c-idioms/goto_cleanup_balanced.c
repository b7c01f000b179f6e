/* c-idioms: the goto-cleanup builder done right: the label that frees
 * the buffers also exits the scopes opened so far, counted in `opened`.
 * A failed decoder build (argc > 2) leaves nothing open, and no run
 * fails. */
// oracle-input: argc 1 2 3
#include <stdlib.h>

#include "varscope.h"

static int build(vs_graph *g, int dec_width)
{
    int rc = -1, opened = 0;
    float *scratch = malloc(64 * sizeof *scratch);
    if (!scratch)
        goto out;
    if (!vs_variable_scope_enter(g, "encoder"))
        goto out;
    opened++;
    if (!vs_get_variable(g, "w", .shape = VS_SHAPE(4)))
        goto out;
    if (dec_width < 0)
        goto out;
    vs_scope_exit(g);
    opened--;
    VS_VARIABLE_SCOPE(g, "decoder") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(dec_width));
    }
    rc = 0;
out:
    while (opened-- > 0)
        vs_scope_exit(g);
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
