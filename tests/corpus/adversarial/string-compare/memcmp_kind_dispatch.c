/* string-compare: layer kinds dispatched with memcmp over the spec's
 * fixed-width kind field; "conv" layers get a kernel variable, "pool"
 * layers none.  Each conv has its own scope: no run fails. */
#include <string.h>

#include "varscope.h"

struct spec {
    char kind[4];
    const char *scope;
};

static const struct spec net[] = {
    {{'c', 'o', 'n', 'v'}, "conv1"},
    {{'p', 'o', 'o', 'l'}, "conv1"},
    {{'c', 'o', 'n', 'v'}, "conv2"},
};

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 3; i++) {
        if (memcmp(net[i].kind, "conv", 4) != 0)
            continue;
        VS_VARIABLE_SCOPE(g, net[i].scope) {
            vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3, 8));
        }
    }
    vs_graph_free(g);
    return 0;
}
