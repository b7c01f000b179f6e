/* struct-state: the `static bool built` guard survives a second graph
 * (one per trial, argc 2): the second trial's graph never gets its
 * embedding, and its eval tower asks to reuse a variable that graph does
 * not have. */
// oracle-input: argc 1 2
#include <stdbool.h>

#include "varscope.h"

static void embedding(vs_graph *g)
{
    static bool built;
    if (!built) {
        VS_VARIABLE_SCOPE(g, "emb") {
            vs_get_variable(g, "table", .shape = VS_SHAPE(100, 8));
        }
        built = true;
    }
}

static void trial(void)
{
    vs_graph *g = vs_graph_new();
    embedding(g);
    VS_VARIABLE_SCOPE(g, "emb", .reuse = VS_REUSE) {
        vs_get_variable(g, "table", .shape = VS_SHAPE(100, 8)); // expect: missing-variable
    }
    vs_graph_free(g);
}

int main(int argc, char **argv)
{
    (void)argv;
    for (int t = 0; t < argc; t++)
        trial();
    return 0;
}
