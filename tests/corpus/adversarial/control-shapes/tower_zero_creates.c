/* control-shapes: a `for` over towers where only tower 0 creates
 * (`.reuse = i > 0`), the usual multi-GPU loop; argc towers: no run
 * fails. */
// oracle-input: argc 1 2 3
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < argc; i++) {
        VS_VARIABLE_SCOPE(g, "shared", .reuse = i > 0 ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "emb", .shape = VS_SHAPE(1000, 64));
            VS_VARIABLE_SCOPE(g, "proj") {
                vs_get_variable(g, "w", .shape = VS_SHAPE(64, 64));
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
