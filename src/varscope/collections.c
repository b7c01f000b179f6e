/* Graph collections (ops.py Graph.add_to_collection, get_collection).
 *
 * Every variable is in GLOBAL_VARIABLES: that collection is the graph's
 * list of variables in creation order.  The others are vectors of
 * variables in the order they were added, found by key. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static vs_collection *find(const vs_graph *g, const char *key)
{
    return (vs_collection *)vs_smap_get(&g->collections, key, 0);
}

static bool is_global(const char *key)
{
    return strcmp(key, VS_GLOBAL_VARIABLES) == 0;
}

int vs__collect(vs_graph *g, const char *key, vs_var *v)
{
    if (is_global(key))
        return 0;                 /* every variable already is */
    vs_collection *c = find(g, key);
    if (!c) {
        c = vs__new_object(g, VS_LIST_COLLECTIONS, sizeof *c);
        if (!c || !(c->key = vs__intern(g, key)) ||
            vs__map_set(g, &g->collections, key, (intptr_t)c) < 0)
            return -1;
    }
    return vs__vec_push(g, &c->items, v);
}

size_t vs__collection_len(const vs_graph *g, const char *key)
{
    if (is_global(key))
        return g->lists[VS_LIST_VARS].len;
    const vs_collection *c = find(g, key);
    return c ? c->items.len : 0;
}

vs_var *vs__collection_at(const vs_graph *g, const char *key, size_t i)
{
    if (is_global(key))
        return g->lists[VS_LIST_VARS].items[i];
    return find(g, key)->items.items[i];
}

bool vs__in_collection(const vs_graph *g, const char *key, const vs_var *v)
{
    size_t n = vs__collection_len(g, key);
    for (size_t i = 0; i < n; i++)
        if (vs__collection_at(g, key, i) == v)
            return true;
    return false;
}

vs_var_list *vs__var_list(vs_graph *g, vs_var *const *vars, size_t n)
{
    vs_var_list *l = vs__calloc(g, sizeof *l);
    vs_var **items = l ? vs__calloc(g, (n ? n : 1) * sizeof *items) : NULL;
    if (!items)
        return NULL;
    if (n && vars)
        memcpy(items, vars, n * sizeof *items);
    l->len = n;
    l->vars = items;
    return l;
}

/* get_collection(key, scope): re.match(scope, item.name), a match at the
 * start of the name.  POSIX's leftmost match starts at 0 exactly when
 * some match does. */
static vs_var_list *collection(vs_graph *g, const char *key,
                               const char *scope)
{
    size_t n = vs__collection_len(g, key), k = 0;
    bool filter = scope && scope[0];
    char why[128];
    if (filter && vs__scope_match(scope, "", why, sizeof why) < 0)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "get_collection: scope '%s' is not a regular "
                        "expression: %s", scope, why);
    vs_var_list *l = vs__var_list(g, NULL, n);
    if (l) {
        vs_var **items = (vs_var **)l->vars;
        for (size_t i = 0; i < n; i++) {
            vs_var *v = vs__collection_at(g, key, i);
            if (!filter || vs__scope_match(scope, v->name, why, sizeof why) == 1)
                items[k++] = v;
        }
        l->len = k;
    }
    return l;
}

const vs_var_list *vs_get_collection_at(vs_graph *g, const char *key,
                                        const vs_collection_opts *opts,
                                        const char *file, int line)
{
    static const vs_collection_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_var_list *l = key ? collection(g, key, opts->scope)
                         : vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                                    "get_collection: key is NULL");
    return vs__end_call(g, l, file, line);
}

vs_var *vs_add_to_collection_at(vs_graph *g, const char *key, vs_var *var,
                                const char *file, int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    vs__begin(g);
    vs_var *added = NULL;
    if (!key || !var)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "add_to_collection: %s is NULL",
                 !key ? "key" : "value");
    else if (is_global(key) && vs__in_collection(g, key, var))
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "add_to_collection: every variable is in '%s' once; "
                 "adding %s again is not supported", key, var->name);
    else if (vs__collect(g, key, var) == 0)
        added = var;
    return vs__end_call(g, added, file, line);
}
