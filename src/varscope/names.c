/* Graph.unique_name and TF's name patterns (semantics.md §2, §4, §5). */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "internal.h"

int vs__check_scope_name(vs_graph *g, const char *prefix, const char *name)
{
    bool ok = prefix[0] ? vs__valid_scope_name(name) : vs__valid_op_name(name);
    if (ok)
        return 0;
    vs__fail(g, VS_ERR_INVALID_NAME, VS_MSG_INVALID_SCOPE_NAME, name);
    return -1;
}

static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* Graph.unique_name(name, mark_as_used=True), relative to prefix. */
const char *vs__unique_name(vs_graph *g, const char *prefix, const char *name)
{
    const char *result = NULL;
    char *full = vs__concat3(prefix, name, "");
    char *key = full ? vs__strdup(full) : NULL;
    char *cand = NULL;
    if (!key) {
        vs__oom(g);
        goto out;
    }
    lower(key);
    size_t klen = strlen(key);
    intptr_t i = vs_smap_get(&g->names, key, 0);
    if (vs__map_set(g, &g->names, key, i + 1) < 0)
        goto out;
    if (i == 0) {
        result = vs__intern(g, full);
        goto out;
    }
    cand = vs__malloc(klen + 24);
    if (!cand) {
        vs__oom(g);
        goto out;
    }
    strcpy(cand, key);
    while (vs_smap_find(&g->names, cand, strlen(cand))) {
        snprintf(cand, klen + 24, "%s_%ld", key, (long)i);
        i++;
    }
    if (vs__map_set(g, &g->names, cand, 1) < 0)
        goto out;
    char suffix[24];
    snprintf(suffix, sizeof suffix, "_%ld", (long)(i - 1));
    result = vs__intern3(g, full, suffix, "");
out:
    vs__free(cand);
    vs__free(key);
    vs__free(full);
    return result;
}

int vs__add_node(vs_graph *g, const char *op_name)
{
    return vs__map_set(g, &g->nodes, op_name, 1);
}

const char *vs__new_node(vs_graph *g, const char *op)
{
    if (vs_smap_find(&g->nodes, op, strlen(op)))
        return vs__fail(g, VS_ERR_INVALID_NAME, VS_MSG_DUPLICATE_NODE, op);
    if (!vs__valid_op_name(op))
        return vs__fail(g, VS_ERR_INVALID_NAME, VS_MSG_INVALID_NODE_NAME, op);
    return vs__add_node(g, op) < 0 ? NULL : op;
}

/* Op wrappers: `with name_scope(name) as scope: create_op(name=scope)`.
 * The name is validated as a scope name, made unique (or taken verbatim
 * when it ends in "/"), and the final node name must match the op
 * pattern and not exist yet. */
const char *vs__op_name(vs_graph *g, const char *prefix, const char *name)
{
    if (!name[0])
        return vs__fail(g, VS_ERR_INVALID_NAME,
                        VS_MSG_EMPTY_OP_NAME);
    if (vs__check_scope_name(g, prefix, name) < 0)
        return NULL;
    const char *op;
    size_t len = strlen(name);
    if (name[len - 1] == '/') {
        char *verbatim = vs__strndup(name, len - 1);
        if (!verbatim)
            return vs__oom(g);
        op = vs__intern(g, verbatim);
        vs__free(verbatim);
    } else {
        /* A verbatim ("name/") node does not mark its name as used, so a
         * unique name can still be an existing node: TF fails the op. */
        op = vs__unique_name(g, prefix, name);
    }
    return op ? vs__new_node(g, op) : NULL;
}

/* keras backend.unique_object_name(base, zero_based=False): a per-graph
 * counter per base name, so the first unnamed Dense is "dense_1". */
const char *vs__unique_layer_name(vs_graph *g, const char *base)
{
    intptr_t n = vs_smap_get(&g->layer_uids, base, 0) + 1;
    if (vs__map_set(g, &g->layer_uids, base, n) < 0)
        return NULL;
    return vs__internf(g, "%s_%ld", base, (long)n);
}
