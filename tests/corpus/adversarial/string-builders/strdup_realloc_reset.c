/* string-builders: a name buffer kept across layers, grown by realloc and
 * reset to its prefix by a '\0' store at the prefix length; the reset is
 * skipped for the second layer (a bug: it appends to the first's name,
 * "net_a_b").  The suffix table ends with "c" twice, so with four layers
 * (argc 4) the last two are both reset to "net_c" and the fourth creates
 * its weight again; fewer layers never clash. */
// oracle-input: argc 1 2 3 4
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

static const char *const suffixes[] = {"a", "b", "c", "c"};

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    size_t prefix = strlen("net");
    char *name = strdup("net");
    if (!name)
        return 1;
    for (int i = 0; i < argc; i++) {
        if (i > 1)
            name[prefix] = '\0';
        char *grown = realloc(name, strlen(name) + strlen(suffixes[i]) + 2);
        if (!grown)
            break;
        name = grown;
        strcat(name, "_");
        strcat(name, suffixes[i]);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    free(name);
    vs_graph_free(g);
    return 0;
}
