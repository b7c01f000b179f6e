/* team-idioms: the same goto-cleanup builder, called a second time
 * without reuse (the author expected CHECK to "skip what exists"): the
 * second build's "w" already exists; the cleanup leaves the scope. */
#include <stdio.h>

#include "varscope.h"

#define CHECK(x)                                                             \
    do {                                                                     \
        if (!(x))                                                            \
            goto cleanup;                                                    \
    } while (0)

static int build(vs_graph *g)
{
    int rc = -1, entered = 0;
    CHECK(vs_variable_scope_enter(g, "model"));
    entered = 1;
    CHECK(vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3))); // expect: duplicate-variable
    CHECK(vs_get_variable(g, "b", .shape = VS_SHAPE(3)));
    rc = 0;
cleanup:
    if (entered)
        vs_scope_exit(g);
    return rc;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    int rc = build(g);
    rc |= build(g);
    if (rc)
        fprintf(stderr, "build failed\n");
    vs_graph_free(g);
    return 0;
}
