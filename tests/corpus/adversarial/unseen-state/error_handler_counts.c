/* unseen-state: the team's error handler (called by the library, through
 * the pointer vs_set_error_handler stored) logs in the default format and
 * counts failures in a global.  The second build duplicates model/w, so
 * the count is 1 and the "healthy" branch never runs; only that branch
 * asks for model/b under reuse, which would fail. */
#include <stdio.h>

#include "varscope.h"

static int failures;

static void log_error(const vs_error *e, void *user)
{
    (void)user;
    failures++;
    fprintf(stderr, "%s:%d: error: %s [%s]\n", e->file, e->line, e->message,
            vs_code_name(e->code));
}

static void build(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4)); // expect: duplicate-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_set_error_handler(g, log_error, NULL);
    build(g);
    build(g);
    if (failures == 0) {
        VS_VARIABLE_SCOPE(g, "model", .reuse = VS_REUSE) {
            vs_get_variable(g, "b", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
