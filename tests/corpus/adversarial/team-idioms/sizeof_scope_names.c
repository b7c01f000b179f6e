/* team-idioms: a const char* array of scope names iterated with
 * sizeof arr / sizeof arr[0]; each scope gets its own w, then a second
 * loop re-enters each by name with reuse: no run fails. */
#include "varscope.h"

static const char *const scope_names[] = {"encoder", "decoder", "head"};
#define N_SCOPES (sizeof scope_names / sizeof scope_names[0])

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (size_t i = 0; i < N_SCOPES; i++) {
        VS_VARIABLE_SCOPE(g, scope_names[i]) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5));
        }
    }
    for (size_t i = 0; i < N_SCOPES; i++) {
        VS_VARIABLE_SCOPE(g, scope_names[i], .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5));
        }
    }
    vs_graph_free(g);
    return 0;
}
