/* team-idioms: the variadic wrapper formats "%s_%d" with the layer kind
 * and i % 2 (two banks of weights, the author thought): the third call
 * repeats "w_0". */
// oracle-input: argc 1 2
#include <stdarg.h>
#include <stdio.h>

#include "varscope.h"

static void vlog(const char *fmt, va_list ap)
{
    vfprintf(stderr, fmt, ap);
}

static vs_var *get_var_logged(vs_graph *g, int verbose, const char *fmt, ...)
{
    char name[64];
    va_list ap;
    va_start(ap, fmt);
    if (verbose) {
        va_list copy;
        va_copy(copy, ap);
        vlog(fmt, copy);
        va_end(copy);
        fputc('\n', stderr);
    }
    vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    return vs_get_variable(g, name, .shape = VS_SHAPE(8, 8)); // expect: duplicate-variable
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "mlp") {
        for (int i = 0; i < 3; i++)
            get_var_logged(g, argc > 1, "%s_%d", "w", i % 2);
    }
    vs_graph_free(g);
    return 0;
}
