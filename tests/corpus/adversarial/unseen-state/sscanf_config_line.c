/* unseen-state: the tower count is read from a config line with sscanf,
 * which writes it through a pointer; the line says towers=3, and the
 * towers share tower/w under AUTO_REUSE after the first.  The run fails
 * on the fourth, "summary" call: it asks for tower/bias, created by no
 * tower, under reuse. */
#include <stdio.h>

#include "varscope.h"

static const char config_line[] = "towers=3 share=1";

int main(void)
{
    int towers = 1, share = 0;
    if (sscanf(config_line, "towers=%d share=%d", &towers, &share) != 2)
        return 1;
    vs_graph *g = vs_graph_new();
    for (int t = 0; t < towers; t++) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = share && t > 0 ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
        }
    }
    if (towers > 2) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_REUSE) {
            vs_get_variable(g, "bias", .shape = VS_SHAPE(8)); // expect: missing-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
