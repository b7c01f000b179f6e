/* c-idioms: a NULL-terminated list of head names walked with a pointer
 * (`for (p = heads; *p; p++)`), each head built in a scope under
 * "heads"; the list has "box" twice (one from a merge), and the second
 * "box" creates heads/box/w again. */
#include <stddef.h>

#include "varscope.h"

static const char *const heads[] = {"cls", "box", "mask", "box", NULL};

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "heads") {
        for (const char *const *p = heads; *p; p++) {
            VS_VARIABLE_SCOPE(g, *p) {
                vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
