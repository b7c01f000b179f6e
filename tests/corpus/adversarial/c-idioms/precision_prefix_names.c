/* c-idioms: scope names are the first three letters of the module name
 * ("%.*s" with a precision of 3), a short tag the team liked in
 * TensorBoard; "encoder" and "enclave" both give "enc", and the second
 * module creates enc/w again. */
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    static const char *const modules[] = {"encoder", "decoder", "enclave"};
    vs_graph *g = vs_graph_new();
    char tag[8];
    for (int i = 0; i < 3; i++) {
        snprintf(tag, sizeof tag, "%.*s", 3, modules[i]);
        VS_VARIABLE_SCOPE(g, tag) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
