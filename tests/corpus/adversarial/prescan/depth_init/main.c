/* prescan: depth (3, set in hparams.c) blocks are built; the residual
 * projection then creates block_2/w again without reuse, which fails. */
#include <stdio.h>

#include "varscope.h"

extern int depth, residual;
void hparams_init(void);

int main(void)
{
    hparams_init();
    vs_graph *g = vs_graph_new();
    char name[24];
    for (int i = 0; i < depth; i++) {
        snprintf(name, sizeof name, "block_%d", i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    if (residual) {
        VS_VARIABLE_SCOPE(g, "block_2") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
