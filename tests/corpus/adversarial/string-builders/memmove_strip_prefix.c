/* string-builders: names read back with a "model/" prefix stripped in
 * place by memmove (strlen + 1 bytes, the NUL included), then re-entered
 * with reuse: "model/enc" becomes "enc", which exists; no run fails. */
// oracle-input: argc 1 2
#include <string.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "enc") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (argc > 1) {
        char name[32] = "model/enc";
        const char *prefix = "model/";
        size_t n = strlen(prefix);
        if (strncmp(name, prefix, n) == 0)
            memmove(name, name + n, strlen(name + n) + 1);
        VS_VARIABLE_SCOPE(g, name, .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
