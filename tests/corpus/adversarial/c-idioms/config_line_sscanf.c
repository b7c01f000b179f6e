/* c-idioms: config lines "name = width" are parsed with sscanf after
 * the blanks around them are stripped with strspn/strcspn; each line
 * makes a layer scope.  The lines are distinct names, but the last one
 * asks for the width of "hidden" again with reuse and gives 32 where it
 * was 16: shape-mismatch. */
#include <stdio.h>
#include <string.h>

#include "varscope.h"

static const char *const lines[] = {"  embed = 8\n", "hidden=16  \n", "\tout = 4\n"};

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        const char *l = lines[i] + strspn(lines[i], " \t");
        char name[32];
        int width = 0;
        if (sscanf(l, "%31[^ =] = %d", name, &width) != 2)
            continue;
        name[strcspn(name, " \t\n")] = '\0';
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(width));
        }
    }
    VS_VARIABLE_SCOPE(g, "hidden", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(32)); // expect: shape-mismatch
    }
    vs_graph_free(g);
    return 0;
}
