/* team-idioms: the reuse loop iterates sizeof the array of names plus a
 * "bias" scope appended to the array later but never built: re-entering
 * "bias" with reuse finds no bias/w. */
#include "varscope.h"

static const char *const scope_names[] = {"encoder", "decoder", "bias"};

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (size_t i = 0; i < 2; i++) {    /* the build loop predates "bias" */
        VS_VARIABLE_SCOPE(g, scope_names[i]) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5));
        }
    }
    for (size_t i = 0; i < sizeof scope_names / sizeof scope_names[0]; i++) {
        VS_VARIABLE_SCOPE(g, scope_names[i], .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5)); // expect: missing-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
