/* io-config: the compiled-in config text lists "enc" twice (a second
 * encoder layer meant to be "enc2"); read with fgets from fmemopen and
 * sscanf, the fourth line's layer creates "enc/w" again once the loop
 * gets that far (argc 2 builds all four). */
// oracle-input: argc 1 2
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "varscope.h"

static const char config[] =
    "layer embed 300\n"
    "layer enc 128\n"
    "layer dec 128\n"
    "layer enc 128\n";

int main(int argc, char **argv)
{
    (void)argv;
    FILE *f = fmemopen((void *)config, strlen(config), "r");
    if (!f)
        return 1;
    int limit = argc > 1 ? 4 : 3;
    vs_graph *g = vs_graph_new();
    char line[128];
    for (int n = 0; n < limit && fgets(line, sizeof line, f); n++) {
        char name[32];
        int width;
        if (sscanf(line, "layer %31s %d", name, &width) != 2)
            continue;
        vs_variable_scope_enter(g, name);
        vs_get_variable(g, "w", .shape = VS_SHAPE(width)); // expect: duplicate-variable
        vs_scope_exit(g);
    }
    fclose(f);
    vs_graph_free(g);
    return 0;
}
