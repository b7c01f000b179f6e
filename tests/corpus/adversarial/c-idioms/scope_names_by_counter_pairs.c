/* c-idioms: stage names in a const char * array, a weight and a bias per
 * stage: the loop counter indexes the name (i / 2) and picks the
 * parameter with a ternary on i % 2 ("w" or "b"): every variable is new,
 * and no run fails. */
#include "varscope.h"

static const char *const stage_names[] = {"s0", "s1", "s2"};

int main(void)
{
    vs_graph *g = vs_graph_new();
    int n = (int)(sizeof stage_names / sizeof *stage_names);
    for (int i = 0; i < 2 * n; i++) {
        VS_VARIABLE_SCOPE(g, stage_names[i / 2], .reuse = i % 2 ? VS_REUSE_INHERIT : VS_AUTO_REUSE) {
            vs_get_variable(g, i % 2 ? "b" : "w", .shape = VS_SHAPE(2));
        }
    }
    vs_graph_free(g);
    return 0;
}
