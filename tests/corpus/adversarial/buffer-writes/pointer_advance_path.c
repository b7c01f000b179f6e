/* buffer-writes: a hierarchical name assembled with p += sprintf(p, ...)
 * (model, then the stage, then the unit); each stage/unit pair is created
 * once, so no run fails. */
#include <stdio.h>

#include "varscope.h"

static const char *stages[] = {"stem", "body", "head"};

int main(void)
{
    vs_graph *g = vs_graph_new();
    char buf[64];

    for (int s = 0; s < 3; s++) {
        for (int u = 0; u < 2; u++) {
            char *p = buf;
            p += sprintf(p, "%s", "resnet");
            p += sprintf(p, "_%s", stages[s]);
            sprintf(p, "_u%d", u);
            VS_VARIABLE_SCOPE(g, buf) {
                vs_get_variable(g, "gamma", .shape = VS_SHAPE(64));
                vs_get_variable(g, "beta", .shape = VS_SHAPE(64));
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
