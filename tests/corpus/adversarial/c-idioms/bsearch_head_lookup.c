/* c-idioms: a sorted table of heads, looked up by name with bsearch and
 * a strcmp comparator; the looked-up head's scope is entered with reuse
 * to share its weights.  "cls" is in the table and was built: no run
 * fails.  Asking for "seg" (argc > 2) finds nothing, and the program
 * skips it. */
// oracle-input: argc 1 2 3
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

typedef struct head {
    const char *name;
    int classes;
} head;

static int by_name(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const head *)e)->name);
}

int main(int argc, char **argv)
{
    (void)argv;
    static const head heads[] = {{"box", 4}, {"cls", 10}, {"mask", 2}};
    size_t n = sizeof heads / sizeof *heads;
    vs_graph *g = vs_graph_new();
    for (size_t i = 0; i < n; i++) {
        VS_VARIABLE_SCOPE(g, heads[i].name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(heads[i].classes));
        }
    }
    const char *want = argc > 2 ? "seg" : "cls";
    const head *h = bsearch(want, heads, n, sizeof *heads, by_name);
    if (h) {
        VS_VARIABLE_SCOPE(g, h->name, .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(h->classes));
        }
    }
    vs_graph_free(g);
    return 0;
}
