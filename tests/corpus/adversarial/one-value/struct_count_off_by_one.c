/* one-value: the tower count (argc, at most 3) is stored in a struct;
 * the builder creates tower_0 .. tower_{n-1}, and the summary helper,
 * reading the same field, shares tower_0 .. tower_n: its last call asks
 * for a tower never built, on every run. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

struct plan {
    int towers;
};

static void build(vs_graph *g, const struct plan *p)
{
    char name[24];
    for (int t = 0; t < p->towers; t++) {
        snprintf(name, sizeof name, "tower_%d", t);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2));
        }
    }
}

static void summarize(vs_graph *g, const struct plan *p)
{
    char name[24];
    for (int t = 0; t <= p->towers; t++) {
        snprintf(name, sizeof name, "tower_%d", t);
        VS_VARIABLE_SCOPE(g, name, .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2)); // expect: missing-variable
        }
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    struct plan p = {argc};
    vs_graph *g = vs_graph_new();
    build(g, &p);
    summarize(g, &p);
    vs_graph_free(g);
    return 0;
}
