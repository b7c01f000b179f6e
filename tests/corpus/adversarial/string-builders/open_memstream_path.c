/* string-builders: a scope path written with open_memstream + fprintf
 * (the logging code's habit), closed, then used as the scope name.  The
 * head is "head_<classes>": with argc 2 the eval head is built for the
 * same class count under a non-reusing scope, so its weight is created
 * twice. */
// oracle-input: argc 1 2
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

#include "varscope.h"

static char *head_name(int classes)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    fprintf(f, "head_%d", classes);
    fclose(f);
    return buf;
}

static void head(vs_graph *g, int classes)
{
    char *name = head_name(classes);
    if (!name)
        return;
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "logits_w", .shape = VS_SHAPE(128, classes)); // expect: duplicate-variable
    }
    free(name);
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    head(g, 10);
    head(g, argc > 1 ? 10 : 100);
    vs_graph_free(g);
    return 0;
}
