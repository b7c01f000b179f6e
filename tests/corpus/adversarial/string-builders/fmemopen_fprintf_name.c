/* string-builders: names printed into a fixed buffer through fmemopen +
 * fprintf ("conv3x3_64"), flushed by fclose; each conv gets a name from
 * its kernel size and filter count, all different: no run fails. */
// oracle-input: argc 1 2
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "varscope.h"

struct conv { int k, filters; };

static void conv_name(char *buf, size_t cap, const struct conv *c)
{
    memset(buf, 0, cap);
    FILE *f = fmemopen(buf, cap, "w");
    if (!f)
        return;
    fprintf(f, "conv%dx%d_%d", c->k, c->k, c->filters);
    fclose(f);
}

int main(int argc, char **argv)
{
    (void)argv;
    static const struct conv convs[] = {{3, 32}, {3, 64}, {1, 64}, {5, 32}};
    size_t n = argc > 1 ? 4 : 2;
    vs_graph *g = vs_graph_new();
    char name[32];
    for (size_t i = 0; i < n; i++) {
        conv_name(name, sizeof name, &convs[i]);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "kernel",
                            .shape = VS_SHAPE(convs[i].k, convs[i].k, 3,
                                              convs[i].filters));
        }
    }
    vs_graph_free(g);
    return 0;
}
