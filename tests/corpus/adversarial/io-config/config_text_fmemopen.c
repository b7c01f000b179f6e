/* io-config: a config text compiled into the program ("layer NAME
 * WIDTH" lines, '#' comments) read line by line with fgets from an
 * fmemopen stream and parsed with sscanf; each layer is a scope with a
 * weight of its width.  The names are distinct: no run fails. */
// oracle-input: argc 1 2
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "varscope.h"

static const char config[] =
    "# model\n"
    "layer embed 300\n"
    "layer enc 128\n"
    "\n"
    "layer dec 128\n";

int main(int argc, char **argv)
{
    (void)argv;
    FILE *f = fmemopen((void *)config, strlen(config), "r");
    if (!f)
        return 1;
    vs_graph *g = vs_graph_new();
    char line[128];
    int built = 0;
    while (fgets(line, sizeof line, f) && built < argc + 1) {
        char name[32];
        int width;
        if (line[0] == '#' || sscanf(line, "layer %31s %d", name, &width) != 2)
            continue;
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(width));
        }
        built++;
    }
    fclose(f);
    vs_graph_free(g);
    return 0;
}
