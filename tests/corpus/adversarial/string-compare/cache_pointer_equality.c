/* string-compare: a cache that compares name pointers (==) instead of
 * strcmp; the second request's name is built in a buffer, so it is
 * another pointer, the cache misses, and the variable is created again:
 * duplicate. */
#include <stdio.h>

#include "varscope.h"

struct entry {
    const char *name;
    vs_var *var;
};

static struct entry cache[8];
static int cached;

static vs_var *get_or_create(vs_graph *g, const char *name)
{
    for (int i = 0; i < cached; i++)
        if (cache[i].name == name)
            return cache[i].var;
    vs_var *v = vs_get_variable(g, name, .shape = VS_SHAPE(3)); // expect: duplicate-variable
    cache[cached].name = name;
    cache[cached++].var = v;
    return v;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    char buf[16];
    get_or_create(g, "layer_1");
    snprintf(buf, sizeof buf, "layer_%d", 1);
    get_or_create(g, buf);
    vs_graph_free(g);
    return 0;
}
