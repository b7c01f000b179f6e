/* setjmp: an error handler that jumps back to a retry point (an
 * exception-style wrapper).  The first attempt duplicates model/w (the
 * failure is reported, then the handler jumps); the retry runs under
 * AUTO_REUSE and succeeds. */
#include <setjmp.h>
#include <stdio.h>

#include "varscope.h"

static jmp_buf retry;

static void throw_error(const vs_error *e, void *user)
{
    (void)user;
    fprintf(stderr, "%s:%d: error: %s [%s]\n", e->file, e->line, e->message,
            vs_code_name(e->code));
    longjmp(retry, 1);
}

static void build(vs_graph *g, vs_reuse reuse)
{
    vs_variable_scope_enter(g, "model", .reuse = reuse);
    vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
    vs_scope_exit(g);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    build(g, VS_REUSE_INHERIT);
    vs_set_error_handler(g, throw_error, NULL);
    volatile vs_reuse reuse = VS_REUSE_INHERIT;
    if (setjmp(retry)) {
        vs_scope_exit(g);
        reuse = VS_AUTO_REUSE;
    }
    build(g, reuse);
    vs_set_error_handler(g, NULL, NULL);
    vs_graph_free(g);
    return 0;
}
