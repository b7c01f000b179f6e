/* string-compare: a get-or-create cache keyed by name (strcmp over the
 * names it stored): "w" asked twice is created once, the second request
 * answered from the cache.  No run fails. */
#include <string.h>

#include "varscope.h"

struct entry {
    char name[32];
    vs_var *var;
};

static struct entry cache[8];
static int cached;

static vs_var *get_or_create(vs_graph *g, const char *name)
{
    for (int i = 0; i < cached; i++)
        if (strcmp(cache[i].name, name) == 0)
            return cache[i].var;
    vs_var *v = vs_get_variable(g, name, .shape = VS_SHAPE(4));
    strcpy(cache[cached].name, name);
    cache[cached++].var = v;
    return v;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    get_or_create(g, "w");
    get_or_create(g, "b");
    get_or_create(g, "w");
    vs_graph_free(g);
    return 0;
}
