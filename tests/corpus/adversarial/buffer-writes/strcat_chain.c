/* buffer-writes: a scope path built with strcpy and a chain of strcat
 * (encoder, "_", the direction); fw and bw cells are distinct scopes, and
 * the decoder's "dec_fw" too: no run fails. */
#include <string.h>

#include "varscope.h"

static void cell(vs_graph *g, const char *part, const char *dir)
{
    char name[48];
    strcpy(name, part);
    strcat(name, "_");
    strcat(name, dir);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "gates", .shape = VS_SHAPE(24, 32));
        vs_get_variable(g, "candidate", .shape = VS_SHAPE(24, 16));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    cell(g, "enc", "fw");
    cell(g, "enc", "bw");
    cell(g, "dec", "fw");
    vs_graph_free(g);
    return 0;
}
