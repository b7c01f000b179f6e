/* long-loops: 1,200 per-feature embedding rows created in a loop, then
 * the last feature's row shared under reuse (an "export" pass).  The loop
 * runs all 1,200 turns, so emb/f1199 exists: no run fails. */
#include <stdio.h>

#include "varscope.h"

#define FEATURES 1200

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[16];
    VS_VARIABLE_SCOPE(g, "emb") {
        for (int f = 0; f < FEATURES; f++) {
            snprintf(name, sizeof name, "f%d", f);
            vs_get_variable(g, name, .shape = VS_SHAPE(4));
        }
    }
    VS_VARIABLE_SCOPE(g, "emb", .reuse = VS_REUSE) {
        vs_get_variable(g, "f1199", .shape = VS_SHAPE(4));
    }
    vs_graph_free(g);
    return 0;
}
