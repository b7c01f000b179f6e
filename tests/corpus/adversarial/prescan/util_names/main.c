/* prescan: names built by make_name() in strutil.c (no varscope
 * identifier); three distinct layers, then layer_2 shared.  No run
 * fails. */
#include <stddef.h>

#include "varscope.h"

void make_name(char *buf, size_t n, const char *base, int i);

int main(void)
{
    vs_graph *g = vs_graph_new();
    char name[32];
    for (int i = 0; i < 3; i++) {
        make_name(name, sizeof name, "layer", i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    make_name(name, sizeof name, "layer", 2);
    VS_VARIABLE_SCOPE(g, name, .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    vs_graph_free(g);
    return 0;
}
