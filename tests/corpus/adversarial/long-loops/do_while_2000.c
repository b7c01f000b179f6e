/* long-loops: a do-while over 2,000 vocabulary buckets, each a variable in
 * scope "vocab"; the loop then asks for bucket 1999 under reuse to attach
 * the OOV row.  No run fails. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[16];
    int b = 0;
    VS_VARIABLE_SCOPE(g, "vocab") {
        do {
            snprintf(name, sizeof name, "b%d", b);
            vs_get_variable(g, name, .shape = VS_SHAPE(2));
        } while (++b < 2000);
    }
    VS_VARIABLE_SCOPE(g, "vocab", .reuse = VS_REUSE) {
        vs_get_variable(g, "b1999", .shape = VS_SHAPE(2));
    }
    vs_graph_free(g);
    return 0;
}
