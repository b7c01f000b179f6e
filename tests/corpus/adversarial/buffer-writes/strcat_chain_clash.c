/* buffer-writes: the same strcat-built cell names, but the decoder is
 * called with the encoder's part by a copy-paste slip: enc_fw twice, the
 * third cell fails on its first variable. */
#include <string.h>

#include "varscope.h"

static void cell(vs_graph *g, const char *part, const char *dir)
{
    char name[48];
    strcpy(name, part);
    strcat(name, "_");
    strcat(name, dir);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "gates", .shape = VS_SHAPE(24, 32)); // expect: duplicate-variable
        vs_get_variable(g, "candidate", .shape = VS_SHAPE(24, 16)); // expect: duplicate-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    cell(g, "enc", "fw");
    cell(g, "enc", "bw");
    cell(g, "enc", "fw");
    vs_graph_free(g);
    return 0;
}
