/* string-compare: the same cache with a 4-byte key (strncpy-truncated):
 * "embedding" is stored as "emb", strcmp never matches it again, and the
 * second request creates the variable again: duplicate. */
#include <string.h>

#include "varscope.h"

struct entry {
    char key[4];
    vs_var *var;
};

static struct entry cache[8];
static int cached;

static vs_var *get_or_create(vs_graph *g, const char *name)
{
    for (int i = 0; i < cached; i++)
        if (strcmp(cache[i].key, name) == 0)
            return cache[i].var;
    vs_var *v = vs_get_variable(g, name, .shape = VS_SHAPE(10, 4)); // expect: duplicate-variable
    strncpy(cache[cached].key, name, sizeof cache[cached].key - 1);
    cache[cached].key[sizeof cache[cached].key - 1] = '\0';
    cache[cached++].var = v;
    return v;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    get_or_create(g, "embedding");
    get_or_create(g, "embedding");
    vs_graph_free(g);
    return 0;
}
