/* string-builders: as conv names go, "conv<k>_<filters>" printed with
 * fmemopen + fprintf; the spec table lists a 1x1 conv with 64 filters
 * twice (a bottleneck's in and out), and with argc 2 both are built: the
 * second "conv1_64" creates its kernel again. */
// oracle-input: argc 1 2
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>

#include "varscope.h"

struct conv { int k, filters; };

int main(int argc, char **argv)
{
    (void)argv;
    static const struct conv convs[] = {{1, 64}, {3, 64}, {1, 64}};
    size_t n = argc > 1 ? 3 : 2;
    vs_graph *g = vs_graph_new();
    char name[32] = {0};
    for (size_t i = 0; i < n; i++) {
        FILE *f = fmemopen(name, sizeof name, "w");
        if (!f)
            continue;
        fprintf(f, "conv%d_%d", convs[i].k, convs[i].filters);
        fclose(f);
        vs_variable_scope_enter(g, name);
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(convs[i].k, convs[i].filters)); // expect: duplicate-variable
        vs_scope_exit(g);
    }
    vs_graph_free(g);
    return 0;
}
