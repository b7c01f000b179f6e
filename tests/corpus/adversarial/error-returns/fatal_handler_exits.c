/* error-returns: an error handler that prints the library's line and
 * exits (the "fatal" style): with argc 2 the second "enc" creation fails
 * and the program ends there, inside the scope, so the reuse of "enc/b"
 * below (which would fail: there is no "b") never runs, and the open
 * scope is never reported (the graph is never freed). */
// oracle-input: argc 1 2
#include <stdio.h>
#include <stdlib.h>

#include "varscope.h"

static void fatal(const vs_error *e, void *user)
{
    (void)user;
    fprintf(stderr, "%s:%d: error: %s [%s]\n", e->file, e->line, e->message,
            vs_code_name(e->code));
    exit(1);
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_set_error_handler(g, fatal, NULL);
    VS_VARIABLE_SCOPE(g, "enc") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, "enc") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
        VS_VARIABLE_SCOPE(g, "enc", .reuse = VS_REUSE) {
            vs_get_variable(g, "b", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
