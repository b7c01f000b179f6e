/* team-idioms: an error-handling macro with goto cleanup; every scope
 * entered is left at the cleanup label, on success and on error.  The
 * model is built twice, the second time under reuse: no run fails. */
#include <stdio.h>

#include "varscope.h"

#define CHECK(x)                                                             \
    do {                                                                     \
        if (!(x)) {                                                          \
            fprintf(stderr, "check failed: %s\n", #x);                       \
            goto cleanup;                                                    \
        }                                                                    \
    } while (0)

static int build(vs_graph *g, vs_reuse reuse)
{
    int rc = -1, depth = 0;
    CHECK(vs_variable_scope_enter(g, "model", .reuse = reuse));
    depth++;
    CHECK(vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3)));
    CHECK(vs_get_variable(g, "b", .shape = VS_SHAPE(3)));
    rc = 0;
cleanup:
    while (depth-- > 0)
        vs_scope_exit(g);
    return rc;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    int rc = build(g, VS_REUSE_INHERIT);
    if (rc == 0)
        rc = build(g, VS_REUSE);
    vs_graph_free(g);
    return rc == 0 ? 0 : 1;
}
