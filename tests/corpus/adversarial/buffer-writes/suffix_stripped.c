/* buffer-writes: names read from a "checkpoint list" lose their ".w"
 * suffix by a store of '\0' at len - 2; "dense.w" and "dense" both
 * become "dense", so the second get_variable fails. */
#include <stdio.h>
#include <string.h>

#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const char *saved[] = {"dense.w", "proj.w", "dense"};
    char name[32];

    for (int i = 0; i < 3; i++) {
        snprintf(name, sizeof name, "%s", saved[i]);
        size_t len = strlen(name);
        if (len > 2 && name[len - 2] == '.')
            name[len - 2] = '\0';
        vs_get_variable(g, name, .shape = VS_SHAPE(4, 4)); // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
