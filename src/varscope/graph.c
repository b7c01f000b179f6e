/* Graph lifecycle, errors and the transaction journal. */
#include <assert.h>
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
    g->reported++;
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
    switch (list) {
    case VS_LIST_OPTIMIZERS:
        vs__free(((vs_optimizer *)obj)->slots.items);
        break;
    case VS_LIST_EMAS:
        vs__free(((vs_ema *)obj)->averages.items);
        break;
    case VS_LIST_COLLECTIONS:
        vs__free(((vs_collection *)obj)->items.items);
        break;
    case VS_LIST_SESSIONS:
        vs__session_free(obj);
        break;
    default:
        break;
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
    vs_smap_clear(&g->layer_uids);
    vs_smap_clear(&g->collections);
    vs__free(g->stack);
    vs__free(g->journal);
    vs__free(g->pending_msg);
    vs__free(g->root);
    vs__free(g);
}

/* ---- transactions ---- */

/* A public call begins a transaction; one begun inside another (a
 * template's builder calling the library) keeps the outer one's journal
 * and marks where it began, so each can be undone on its own. */
void vs__begin(vs_graph *g)
{
    assert(g->tdepth < VS_MAX_NEST);
    if (g->tdepth == 0) {
        g->jlen = 0;
        g->poisoned = false;
    }
    g->marks[g->tdepth++] = g->jlen;
    g->pending = VS_OK;
}

/* What the journal still holds once the outermost call succeeded. */
static void finalize(vs_graph *g)
{
    for (size_t i = 0; i < g->jlen; i++)
        if (g->journal[i].kind == VS_J_POP)
            vs_smap_clear(&g->journal[i].counts);
    g->jlen = 0;
}

void vs__commit(vs_graph *g)
{
    assert(g->tdepth > 0);
    if (--g->tdepth == 0)
        finalize(g);
}

static void undo_one(vs_graph *g, vs_jrec *r)
{
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
    case VS_J_PUSH: {
        vs_entry *e = &g->stack[--g->depth];
        if (e->kind == VS_ENTRY_VAR_REENTER)
            vs_smap_clear(&e->snapshot);
        g->name_scope = e->saved_name_scope;
        g->current = e->saved_scope;
        break;
    }
    case VS_J_POP: {
        /* the stack has room: the entry was there before */
        vs_entry *e = &g->stack[g->depth++];
        *e = r->entry;
        if (e->kind == VS_ENTRY_VAR_REENTER) {
            /* the exit put the snapshot in place of the counters; what
             * came after it was undone first, so they are the snapshot */
            e->snapshot = g->scope_counts;
            g->scope_counts = r->counts;
        }
        r->counts = (vs_smap){0};
        g->name_scope = r->name_scope;
        g->current = r->current;
        break;
    }
    case VS_J_WRITE:
        memcpy(r->addr, r->bytes, r->size);
        break;
    case VS_J_VEC:
        r->vec->len--;
        break;
    }
}

static void undo_to(vs_graph *g, size_t mark)
{
    while (g->jlen > mark)
        undo_one(g, &g->journal[--g->jlen]);
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
        g->journal[g->jlen++] =
        (vs_jrec){.kind = VS_J_SET, .map = m, .node = n, .old = n->value};
        n->value = value;
        return 0;
    }
    n = vs_smap_insert(m, key, len, value);
    if (!n) {
        vs__oom(g);
        return -1;
    }
    g->journal[g->jlen++] = (vs_jrec){.kind = VS_J_INSERT, .map = m, .node = n};
    return 0;
}

/* Records an entry pushed by the caller (scopes.c). */
int vs__journal_push(vs_graph *g)
{
    if (journal_reserve(g) < 0)
        return -1;
    g->journal[g->jlen++] = (vs_jrec){.kind = VS_J_PUSH};
    return 0;
}

/* Pops the innermost stack entry, journaled.  An object entry's exit puts
 * its snapshot in place of the counters; the replaced counters are kept
 * by the journal until the outermost call commits. */
int vs__journal_pop(vs_graph *g)
{
    assert(g->depth > 0);
    if (journal_reserve(g) < 0)
        return -1;
    vs_entry *e = &g->stack[g->depth - 1];
    vs_jrec *r = &g->journal[g->jlen++];
    *r = (vs_jrec){.kind = VS_J_POP};
    r->entry = *e;
    r->name_scope = g->name_scope;
    r->current = g->current;
    if (e->kind == VS_ENTRY_VAR_REENTER) {
        r->counts = g->scope_counts;
        g->scope_counts = e->snapshot;
        r->entry.snapshot = (vs_smap){0};
    }
    g->depth--;
    g->name_scope = e->saved_name_scope;
    g->current = e->saved_scope;
    return 0;
}

int vs__write(vs_graph *g, void *addr, const void *src, size_t n)
{
    assert(n <= VS_JWRITE_MAX);
    if (journal_reserve(g) < 0)
        return -1;
    vs_jrec *r = &g->journal[g->jlen++];
    *r = (vs_jrec){.kind = VS_J_WRITE, .addr = addr, .size = n};
    memcpy(r->bytes, addr, n);
    memcpy(addr, src, n);
    return 0;
}

int vs__vec_push(vs_graph *g, vs_ptrvec *v, void *item)
{
    if (journal_reserve(g) < 0)
        return -1;
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void **items = vs__realloc(v->items, cap * sizeof *items);
        if (!items) {
            vs__oom(g);
            return -1;
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = item;
    g->journal[g->jlen++] = (vs_jrec){.kind = VS_J_VEC, .vec = v};
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
    g->journal[g->jlen++] = (vs_jrec){.kind = VS_J_APPEND, .list = list};
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

const char *vs__internf(vs_graph *g, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    assert(n >= 0 && (size_t)n < sizeof buf);
    (void)n;                      /* release builds have no assert */
    return vs__intern(g, buf);
}

void *vs__new_object(vs_graph *g, vs_list_id list, size_t n)
{
    void *p = vs__malloc(n);
    if (!p)
        return vs__oom(g);
    memset(p, 0, n);
    return vs__append(g, list, p) < 0 ? NULL : p;
}

void *vs__calloc(vs_graph *g, size_t n)
{
    return vs__new_object(g, VS_LIST_BUFFERS, n);
}

vs_tensor *vs__new_tensor(vs_graph *g, const char *name, vs_dtype dt,
                          const vs_shape *shape)
{
    vs_tensor *t = vs__new_object(g, VS_LIST_TENSORS, sizeof *t);
    if (!t)
        return NULL;
    t->name = name;
    t->dtype = dt;
    t->shape = *shape;
    t->differentiable = vs__dtype_floating(dt);
    return t;
}

vs_scope *vs__new_scope(vs_graph *g)
{
    vs_scope *s = vs__new_object(g, VS_LIST_SCOPES, sizeof *s);
    if (s)
        s->graph = g;
    return s;
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

bool vs__failed(const vs_graph *g) { return g->pending != VS_OK; }

void *vs__abort_call(vs_graph *g)
{
    assert(g->tdepth > 0);
    undo_to(g, g->marks[--g->tdepth]);
    vs__free(g->pending_msg);
    g->pending_msg = NULL;
    g->pending = VS_OK;
    return NULL;
}

void *vs__fail_call(vs_graph *g, const char *file, int line)
{
    assert(g->tdepth > 0);
    undo_to(g, g->marks[--g->tdepth]);
    vs_code code = g->pending != VS_OK ? g->pending : VS_ERR_INVALID_ARGUMENT;
    const char *msg = g->pending_msg ? g->pending_msg : g->pending_fallback;
    vs__report(g, code, msg, file, line);
    vs__free(g->pending_msg);
    g->pending_msg = NULL;
    g->pending = VS_OK;
    return NULL;
}

void *vs__end_call(vs_graph *g, void *result, const char *file, int line)
{
    if (!result)
        return vs__fail_call(g, file, line);
    vs__commit(g);
    return result;
}
