/* prescan: block names come from names.c (no varscope identifier); the
 * table repeats mixed_5b, so the fifth block fails to create its
 * weights. */
#include "varscope.h"

const char *block_name(int i);
int block_count(void);

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < block_count(); i++) {
        VS_VARIABLE_SCOPE(g, block_name(i)) {
            vs_get_variable(g, "weights", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
