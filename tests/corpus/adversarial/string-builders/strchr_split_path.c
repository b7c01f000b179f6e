/* string-builders: "scope/var" paths from a table split in place at the
 * first '/' (strchr, then a '\0' store): the scope part is entered and
 * the variable part created; the table lists "enc/w" twice when argc > 1
 * (a second path "enc/w" meant "dec/w"). */
// oracle-input: argc 1 2
#include <string.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    const char *paths[] = {"enc/w", "enc/b", argc > 1 ? "enc/w" : "dec/w"};
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 3; i++) {
        char buf[32];
        strncpy(buf, paths[i], sizeof buf - 1);
        buf[sizeof buf - 1] = '\0';
        char *slash = strchr(buf, '/');
        if (!slash)
            continue;
        *slash = '\0';
        VS_VARIABLE_SCOPE(g, buf) {
            vs_get_variable(g, slash + 1, .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
