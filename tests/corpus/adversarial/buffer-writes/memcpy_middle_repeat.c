/* buffer-writes: the same template with a code list copied from a paper's
 * table, "3a" listed twice; the fourth block re-creates
 * conv_3a_bn/moving_mean and fails. */
#include <string.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const char codes[][3] = {"3a", "3b", "4a", "3a"};
    char name[] = "conv_XX_bn";

    for (int i = 0; i < 4; i++) {
        memcpy(name + 5, codes[i], 2);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "moving_mean", .shape = VS_SHAPE(32), .initializer = vs_init_zeros()); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
