/* macro-families: `const char *const` tables ended by NULL, one per
 * stage, gathered in a NULL-ended table of tables and walked with
 * pointer-to-pointer iteration; each stage is a scope, each entry a
 * weight of that scope: no name repeats, no run fails. */
// oracle-input: argc 1 2
#include <stddef.h>

#include "varscope.h"

static const char *const stem[] = {"conv1", "conv2", NULL};
static const char *const body[] = {"conv1", "conv2", "conv3", NULL};
static const char *const head[] = {"fc", NULL};
static const char *const *const stages[] = {stem, body, head, NULL};
static const char *const stage_names[] = {"stem", "body", "head"};

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    size_t s = 0;
    for (const char *const *const *st = stages; *st; ++st, ++s) {
        if (argc < 2 && *st == body)
            continue;
        VS_VARIABLE_SCOPE(g, stage_names[s]) {
            for (const char *const *p = *st; *p; ++p)
                vs_get_variable(g, *p, .shape = VS_SHAPE(3, 3));
        }
    }
    vs_graph_free(g);
    return 0;
}
