/* gnu-c: a GET macro written as a GNU statement expression (`({ ... })`)
 * that logs a NULL and yields the variable; two layers, one weight each:
 * no run fails. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

#define GET(g, name, ...)                                               \
    ({                                                                  \
        vs_var *v_ = vs_get_variable((g), (name), __VA_ARGS__);         \
        if (!v_)                                                        \
            fprintf(stderr, "cannot get %s\n", (name));                 \
        v_;                                                             \
    })

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "l1") {
        vs_var *w = GET(g, "w", .shape = VS_SHAPE(4));
        (void)w;
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, "l2") {
            GET(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
