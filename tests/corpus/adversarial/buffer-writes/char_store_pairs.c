/* buffer-writes: blocks of two layers each, the digit patched with
 * name[5] = '0' + i / 2; the author meant i % 2 for the sub-layer and
 * forgot it, so layer i = 1 re-creates block0/kernel: duplicate. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[] = "block0";

    for (int i = 0; i < 4; i++) {
        name[5] = (char)('0' + i / 2);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
