/* c-idioms: variable names built with ternaries inside snprintf: the
 * suffix is "_fwd" or "_bwd" by direction and the layer number is
 * printed only past the first ("%s%s" with "" or a number): "w_fwd",
 * "w_bwd", "w1_fwd", "w1_bwd" -- all distinct, no run fails. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char num[8], name[32];
    VS_VARIABLE_SCOPE(g, "birnn") {
        for (int layer = 0; layer < 2; layer++) {
            snprintf(num, sizeof num, "%d", layer);
            for (int dir = 0; dir < 2; dir++) {
                snprintf(name, sizeof name, "w%s%s", layer ? num : "", dir ? "_bwd" : "_fwd");
                vs_get_variable(g, name, .shape = VS_SHAPE(4));
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
