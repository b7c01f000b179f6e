/* struct-state: scope names walked from a compound-literal array ended by
 * NULL (`(const char *[]){"enc", "dec", NULL}`), a second list chosen
 * with argc; each list's names are distinct and the lists are built
 * under different parents: no run fails. */
// oracle-input: argc 1 2
#include <stddef.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    const char **names = argc > 1 ? (const char *[]){"enc", "mid", "dec", NULL}
                                  : (const char *[]){"enc", "dec", NULL};
    VS_VARIABLE_SCOPE(g, "model") {
        for (const char **p = names; *p; p++) {
            VS_VARIABLE_SCOPE(g, *p) {
                vs_get_variable(g, "w", .shape = VS_SHAPE(4));
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
