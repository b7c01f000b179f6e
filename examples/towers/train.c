/* Two towers over one set of weights, the second one built by mistake
 * with AUTO_REUSE switched off: scopecheck follows the call into
 * tower.c and reports the duplicate there, with this call as a note. */
#include <stdio.h>

#include "varscope.h"

vs_tensor *build_tower(vs_graph *g, vs_tensor *x, vs_reuse reuse);

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 32), .name = "x");
    vs_tensor *y1 = build_tower(g, x, VS_REUSE_INHERIT);
    vs_tensor *y2 = build_tower(g, x, VS_REUSE_INHERIT);   /* meant VS_REUSE */
    printf("%s %s\n", vs_tensor_name(y1), vs_tensor_name(y2));
    vs_graph_free(g);
    return 0;
}
