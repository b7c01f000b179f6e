/* team-idioms: a variadic wrapper formats the variable's name with
 * vsnprintf, logs it, and calls vs_get_variable; names w0, w1, w2 are
 * distinct: no run fails. */
#include <stdarg.h>
#include <stdio.h>

#include "varscope.h"

static int verbose;

static vs_var *get_var_logged(vs_graph *g, const vs_shape *shape, const char *fmt, ...)
{
    char name[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    if (verbose)
        fprintf(stderr, "[vars] get %s\n", name);
    return vs_get_variable(g, name, .shape = shape);
}

int main(int argc, char **argv)
{
    (void)argv;
    verbose = argc > 1;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "mlp") {
        for (int i = 0; i < 3; i++)
            get_var_logged(g, VS_SHAPE(8, 8), "w%d", i);
    }
    vs_graph_free(g);
    return 0;
}
