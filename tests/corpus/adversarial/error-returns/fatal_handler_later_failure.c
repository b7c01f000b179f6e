/* error-returns: the exiting "fatal" handler, but the first failure is
 * only on the eval path (argc 2 re-creates "dec/w"); on the train path
 * (argc 1) the later reuse of "dec/b" is reached and fails, and the
 * handler ends the program there. */
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
    VS_VARIABLE_SCOPE(g, "dec") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, "dec") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    VS_VARIABLE_SCOPE(g, "dec", .reuse = VS_REUSE) {
        vs_get_variable(g, "b", .shape = VS_SHAPE(4)); // expect: missing-variable
    }
    vs_graph_free(g);
    return 0;
}
