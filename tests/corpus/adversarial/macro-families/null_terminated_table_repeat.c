/* macro-families: a NULL-ended `const char *const` table of weight names
 * walked with a pointer-to-pointer; the extended table (argc 2) lists
 * "gamma" twice (a copy-paste), and the second creates it again. */
// oracle-input: argc 1 2
#include <stddef.h>

#include "varscope.h"

static const char *const base_names[] = {"gamma", "beta", NULL};
static const char *const ext_names[] = {"gamma", "beta", "moving_mean", "gamma", NULL};

int main(int argc, char **argv)
{
    (void)argv;
    const char *const *names = argc > 1 ? ext_names : base_names;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "bn") {
        const char *const *p = names;
        while (*p)
            vs_get_variable(g, *p++, .shape = VS_SHAPE(16)); // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
