/* cleanup: a goto out of the guarded block (to the function's error
 * label) runs the cleanup too; the error path exits nothing by hand.  No
 * run fails. */
// oracle-input: env BAD_INIT - 1
#include <stdlib.h>

#include "varscope.h"

static void close_scope(vs_graph **gp)
{
    if (*gp)
        vs_scope_exit(*gp);
}

static int build(vs_graph *g)
{
    {
        vs_graph *guard __attribute__((cleanup(close_scope))) =
            vs_variable_scope_enter(g, "model") ? g : NULL;
        vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3));
        if (getenv("BAD_INIT"))
            goto fail;
        vs_get_variable(g, "b", .shape = VS_SHAPE(3));
    }
    return 0;
fail:
    return -1;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    build(g);
    vs_graph_free(g);
    return 0;
}
