/* fnptr: a "before build" hook, installed through a setter, enters a
 * name scope for profiling and the matching "after" hook was never
 * installed: the name scope is open at vs_graph_free (scope-leak). */
#include <stddef.h>

#include "varscope.h"

typedef void (*hook)(vs_graph *);

static hook before_build, after_build;

static void set_hooks(hook before, hook after)
{
    before_build = before;
    after_build = after;
}

static void profile_begin(vs_graph *g)
{
    vs_name_scope_enter(g, "profile"); // expect: scope-leak
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    set_hooks(profile_begin, NULL);
    if (before_build)
        before_build(g);
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    if (after_build)
        after_build(g);
    vs_graph_free(g);
    return 0;
}
