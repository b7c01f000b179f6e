/* error-returns: a custom error handler that prints the library's own
 * line and counts errors in a struct passed as its user pointer; the
 * tower loop stops at the first error.  The tower names repeat "t0" at
 * the third tower (argc 3): that creation fails and the loop stops.
 * After the loop, a clean run (no error) re-enters "t1" to share its
 * weight: with one tower (argc 1) "t1" was never built and that reuse
 * fails too. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

struct err_count { int n; };

static void on_error(const vs_error *e, void *user)
{
    struct err_count *c = user;
    c->n++;
    fprintf(stderr, "%s:%d: error: %s [%s]\n", e->file, e->line, e->message,
            vs_code_name(e->code));
}

int main(int argc, char **argv)
{
    (void)argv;
    static const char *const names[] = {"t0", "t1", "t0"};
    struct err_count errs = {0};
    vs_graph *g = vs_graph_new();
    vs_set_error_handler(g, on_error, &errs);
    for (int i = 0; i < argc && errs.n == 0; i++) {
        VS_VARIABLE_SCOPE(g, names[i]) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    if (errs.n == 0) {
        VS_VARIABLE_SCOPE(g, "t1", .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: missing-variable
        }
    }
    vs_graph_free(g);
    return errs.n != 0;
}
