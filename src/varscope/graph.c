/* Graph lifecycle, errors and the transaction journal. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "internal.h"

static void default_handler(const vs_error *err, void *user)
{
    (void)user;
    fprintf(stderr, "%s:%d: error: %s [%s]\n", err->file ? err->file : "?",
            err->line, err->message, vs_code_name(err->code));
}

void vs__report_nograph(vs_code code, const char *msg, const char *file,
                        int line)
{
    vs_error e = {code, msg, file, line};
    default_handler(&e, NULL);
}

void vs__report(vs_graph *g, vs_code code, const char *msg, const char *file,
                int line)
{
    vs_error e = {code, msg, file, line};
    g->last_error = code;
    g->handler(&e, g->handler_user);
}

vs_graph *vs_graph_new(void)
{
    vs_graph *g = vs__malloc(sizeof *g);
    if (!g)
        return NULL;
    memset(g, 0, sizeof *g);
    g->handler = default_handler;
    g->name_scope = "";
    g->root = vs__malloc(sizeof *g->root);
    if (!g->root) {
        vs__free(g);
        return NULL;
    }
    memset(g->root, 0, sizeof *g->root);
    g->root->graph = g;
    g->root->name = "";
    g->root->original_name_scope = "";
    g->current = g->root;
    return g;
}

void vs_set_error_handler(vs_graph *g, vs_error_fn fn, void *user)
{
    if (!g)
        return;
    g->handler = fn ? fn : default_handler;
    g->handler_user = fn ? user : NULL;
}

vs_code vs_last_error(const vs_graph *g) { return g ? g->last_error : VS_OK; }

static void free_object(vs_list_id list, void *obj)
{
    if (list == VS_LIST_STRINGS) {
        vs__free(obj);
        return;
    }
    vs__free(obj);
}

void vs_graph_free(vs_graph *g)
{
    if (!g)
        return;
    /* Scopes left open: one scope-leak each, innermost first. */
    while (g->depth > 0) {
        vs_entry *e = &g->stack[--g->depth];
        char buf[512];
        if (e->kind == VS_ENTRY_NAME_SCOPE)
            snprintf(buf, sizeof buf,
                     "name scope '%.200s' is still open when the graph is "
                     "freed: vs_scope_exit was never called for it",
                     g->name_scope);
        else
            snprintf(buf, sizeof buf,
                     "variable scope '%.200s' is still open when the graph "
                     "is freed: vs_scope_exit was never called for it",
                     e->scope->name);
        vs__report(g, VS_ERR_SCOPE_LEAK, buf, e->file, e->line);
        if (e->kind == VS_ENTRY_VAR_REENTER)
            vs_smap_clear(&e->snapshot);
        g->name_scope = e->saved_name_scope;
    }
    for (int l = 0; l < VS_LIST_COUNT; l++) {
        for (size_t i = 0; i < g->lists[l].len; i++)
            free_object((vs_list_id)l, g->lists[l].items[i]);
        vs__free(g->lists[l].items);
    }
    vs_smap_clear(&g->names);
    vs_smap_clear(&g->nodes);
    vs_smap_clear(&g->store);
    vs_smap_clear(&g->scope_counts);
    vs__free(g->stack);
    vs__free(g->journal);
    vs__free(g->pending_msg);
    vs__free(g->root);
    vs__free(g);
}

/* ---- transactions ---- */

void vs__begin(vs_graph *g)
{
    g->jlen = 0;
    g->pending = VS_OK;
}

void vs__commit(vs_graph *g) { g->jlen = 0; }

static void undo(vs_graph *g)
{
    while (g->jlen > 0) {
        vs_jrec *r = &g->journal[--g->jlen];
        switch (r->kind) {
        case VS_J_INSERT:
            vs_smap_remove(r->map, r->node);
            break;
        case VS_J_SET:
            r->node->value = r->old;
            break;
        case VS_J_APPEND: {
            vs_ptrvec *v = &g->lists[r->list];
            free_object(r->list, v->items[--v->len]);
            break;
        }
        }
    }
}

static int journal_reserve(vs_graph *g)
{
    if (g->jlen < g->jcap)
        return 0;
    size_t cap = g->jcap ? g->jcap * 2 : 32;
    vs_jrec *j = vs__realloc(g->journal, cap * sizeof *j);
    if (!j) {
        vs__oom(g);
        return -1;
    }
    g->journal = j;
    g->jcap = cap;
    return 0;
}

int vs__map_set(vs_graph *g, vs_smap *m, const char *key, intptr_t value)
{
    if (journal_reserve(g) < 0)
        return -1;
    size_t len = strlen(key);
    vs_smap_node *n = vs_smap_find(m, key, len);
    if (n) {
        g->journal[g->jlen++] = (vs_jrec){VS_J_SET, m, n, n->value, 0};
        n->value = value;
        return 0;
    }
    n = vs_smap_insert(m, key, len, value);
    if (!n) {
        vs__oom(g);
        return -1;
    }
    g->journal[g->jlen++] = (vs_jrec){VS_J_INSERT, m, n, 0, 0};
    return 0;
}

int vs__append(vs_graph *g, vs_list_id list, void *obj)
{
    vs_ptrvec *v = &g->lists[list];
    if (journal_reserve(g) < 0)
        goto fail;
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void **items = vs__realloc(v->items, cap * sizeof *items);
        if (!items) {
            vs__oom(g);
            goto fail;
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = obj;
    g->journal[g->jlen++] = (vs_jrec){VS_J_APPEND, NULL, NULL, 0, list};
    return 0;
fail:
    free_object(list, obj);
    return -1;
}

const char *vs__intern(vs_graph *g, const char *s)
{
    char *d = vs__strdup(s);
    if (!d)
        return vs__oom(g);
    return vs__append(g, VS_LIST_STRINGS, d) < 0 ? NULL : d;
}

const char *vs__intern3(vs_graph *g, const char *a, const char *b,
                        const char *c)
{
    char *d = vs__concat3(a, b, c);
    if (!d)
        return vs__oom(g);
    return vs__append(g, VS_LIST_STRINGS, d) < 0 ? NULL : d;
}

vs_tensor *vs__new_tensor(vs_graph *g, const char *name, vs_dtype dt,
                          const vs_shape *shape)
{
    vs_tensor *t = vs__malloc(sizeof *t);
    if (!t)
        return vs__oom(g);
    t->name = name;
    t->dtype = dt;
    t->shape = *shape;
    return vs__append(g, VS_LIST_TENSORS, t) < 0 ? NULL : t;
}

vs_scope *vs__new_scope(vs_graph *g)
{
    vs_scope *s = vs__malloc(sizeof *s);
    if (!s)
        return vs__oom(g);
    memset(s, 0, sizeof *s);
    s->graph = g;
    return vs__append(g, VS_LIST_SCOPES, s) < 0 ? NULL : s;
}

int vs__stack_reserve(vs_graph *g)
{
    if (g->depth < g->stack_cap)
        return 0;
    size_t cap = g->stack_cap ? g->stack_cap * 2 : 16;
    vs_entry *s = vs__realloc(g->stack, cap * sizeof *s);
    if (!s) {
        vs__oom(g);
        return -1;
    }
    g->stack = s;
    g->stack_cap = cap;
    return 0;
}

/* ---- failures ---- */

void *vs__fail(vs_graph *g, vs_code code, const char *fmt, ...)
{
    if (g->pending != VS_OK)
        return NULL;              /* the first failure is the one to report */
    g->pending = code;
    vs__free(g->pending_msg);
    g->pending_msg = NULL;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(g->pending_fallback, sizeof g->pending_fallback, fmt,
                      ap);
    va_end(ap);
    if (n >= (int)sizeof g->pending_fallback) {
        char *msg = vs__malloc((size_t)n + 1);
        if (msg) {   /* else the truncated fallback will do */
            va_start(ap, fmt);
            vsnprintf(msg, (size_t)n + 1, fmt, ap);
            va_end(ap);
            g->pending_msg = msg;
        }
    }
    return NULL;
}

void *vs__oom(vs_graph *g)
{
    return vs__fail(g, VS_ERR_NO_MEMORY, "out of memory");
}

void *vs__fail_call(vs_graph *g, const char *file, int line)
{
    undo(g);
    vs_code code = g->pending != VS_OK ? g->pending : VS_ERR_INVALID_ARGUMENT;
    const char *msg = g->pending_msg ? g->pending_msg : g->pending_fallback;
    vs__report(g, code, msg, file, line);
    vs__free(g->pending_msg);
    g->pending_msg = NULL;
    g->pending = VS_OK;
    return NULL;
}
