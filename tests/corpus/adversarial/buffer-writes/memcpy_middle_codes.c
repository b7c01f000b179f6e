/* buffer-writes: a template "conv_XX_bn" whose two-letter code is
 * memcpy'd into the middle; codes "3a", "3b", "4a" give three distinct
 * scopes: no run fails. */
#include <string.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const char codes[][3] = {"3a", "3b", "4a"};
    char name[] = "conv_XX_bn";

    for (int i = 0; i < 3; i++) {
        memcpy(name + 5, codes[i], 2);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "moving_mean", .shape = VS_SHAPE(32), .initializer = vs_init_zeros());
        }
    }
    vs_graph_free(g);
    return 0;
}
