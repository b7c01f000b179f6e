/* Graph.unique_name and name validation, over abstract state
 * (docs/tf-semantics.md §1; the library's src/varscope/names.c). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "varscope.h"

bool m_check(mrun *r, int tri, int code, const char *fmt, ...)
{
    if (r->failed || tri == NO)
        return r->failed;
    if (tri == MAYBE) {
        if (!r->maybe)
            r->maybe_code = code;
        if (code > 0 && code < 32)
            r->maybe_codes |= 1u << code;
        r->maybe = true;
        if (r->e->trace)
            fprintf(stderr, "trace:   maybe: %s\n", fmt);
        return false;
    }
    r->failed = true;
    r->certain = !r->maybe;
    r->code = code;
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    r->msg = sc_istr(r->e, buf);
    return true;
}

const char *m_cat(sc_engine *e, const char *a, const char *b, const char *c)
{
    if (!a || !b || !c)
        return NULL;
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char small[256];              /* names are short: no malloc per call */
    char *buf = la + lb + lc < sizeof small ? small
                                             : sc_xmalloc(la + lb + lc + 1);
    memcpy(buf, a, la);
    memcpy(buf + la, b, lb);
    memcpy(buf + la + lb, c, lc + 1);
    const char *s = sc_istrn(e, buf, la + lb + lc);
    if (buf != small)
        free(buf);
    return s;
}

/* Graph.name_scope's check: the op pattern at the root, the scope
 * pattern when nested.  prefix NULL: the nesting is unknown. */
int m_invalid_scope_name(const char *prefix, const char *name)
{
    if (!name)
        return MAYBE;
    if (!prefix) {
        if (vs__valid_op_name(name))
            return NO;
        return vs__valid_scope_name(name) ? MAYBE : YES;
    }
    return (prefix[0] ? vs__valid_scope_name(name) : vs__valid_op_name(name)) ? NO
                                                                        : YES;
}

/* s in lower case, interned; s itself when it is interned (the engine's
 * strings are) and has no upper case letter, as most names have not */
static const char *lower(sc_engine *e, const char *s)
{
    size_t n = 0;
    bool upper = false;
    for (; s[n]; n++)
        upper |= s[n] >= 'A' && s[n] <= 'Z';
    if (!upper)
        return sc_istrn(e, s, n);
    char small[256];
    char *buf = n < sizeof small ? small : sc_xmalloc(n + 1);
    for (size_t i = 0; i <= n; i++)
        buf[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a')
                                               : s[i];
    const char *k = sc_istrn(e, buf, n);
    if (buf != small)
        free(buf);
    return k;
}

/* lower() of an interned string: itself when it has no upper case */
static const char *lower_interned(sc_engine *e, const char *s)
{
    for (const char *p = s; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            return lower(e, s);
    return s;
}

static const sc_name *name_get(const sc_graph *g, const char *key)
{
    return pm_get(g->names, key, sc_strhash(key));
}

static void name_put(mrun *r, const char *key, int64_t count,
                     const sc_site *first)
{
    M_SET(r, r->g->names, key, state_name(r->e, count, first));
}

/* unique_name(prefix + name), marking it.  NULL when the engine cannot
 * know the answer (the marks it makes are then recorded as unknown). */
const char *m_unique_name(mrun *r, const char *prefix, const char *name,
                          bool *renamed, sc_site *first)
{
    sc_engine *e = r->e;
    sc_graph *g = r->g;
    if (renamed)
        *renamed = false;
    if (!prefix || !name) {
        g->names_unknown = plist_add(e, g->names_unknown,
                                     prefix ? lower(e, prefix) : "");
        return NULL;
    }
    const char *full = m_cat(e, prefix, name, "");
    const char *key = lower_interned(e, full);
    const sc_name *rec = name_get(g, key);
    if (!rec) {
        if (plist_covers(g->names_unknown, key)) {
            name_put(r, key, SC_COUNT_TOP, r->site);
            g->names_unknown = plist_add(e, g->names_unknown,
                                         m_cat(e, key, "_", ""));
            return NULL;
        }
        name_put(r, key, 1, r->site);
        return full;
    }
    if (rec->count == SC_COUNT_TOP) {
        g->names_unknown = plist_add(e, g->names_unknown,
                                     m_cat(e, key, "_", ""));
        return NULL;
    }
    int64_t i = rec->count;
    if (first)
        *first = rec->first;
    name_put(r, key, i + 1, &rec->first);
    /* the first candidate, key itself, was just marked: key_i is next */
    char num[32];
    snprintf(num, sizeof num, "_%lld", (long long)i);
    const char *cand = m_cat(e, key, num, "");
    i++;
    for (;;) {
        const sc_name *c = name_get(g, cand);
        if (!c) {
            if (plist_covers(g->names_unknown, cand)) {
                g->names_unknown = plist_add(e, g->names_unknown,
                                             m_cat(e, key, "_", ""));
                return NULL;
            }
            break;
        }
        snprintf(num, sizeof num, "_%lld", (long long)i);
        cand = m_cat(e, key, num, "");
        i++;
    }
    name_put(r, cand, 1, r->site);
    if (renamed)
        *renamed = true;
    snprintf(num, sizeof num, "_%lld", (long long)(i - 1));
    return m_cat(e, full, num, "");
}

/* An op wrapper's node name: name_scope(name), then create_op(scope). */
const char *m_op_name(mrun *r, const char *prefix, const char *name,
                      bool *renamed, sc_site *first)
{
    sc_engine *e = r->e;
    if (name && !name[0]) {
        m_check(r, YES, VS_ERR_INVALID_NAME,
                VS_MSG_EMPTY_OP_NAME);
        return NULL;
    }
    if (m_check(r, m_invalid_scope_name(prefix, name), VS_ERR_INVALID_NAME,
                VS_MSG_INVALID_SCOPE_NAME, shown(name)))
        return NULL;
    const char *op;
    size_t len = name ? strlen(name) : 0;
    if (name && name[len - 1] == '/') {
        op = sc_istrn(e, name, len - 1);
        const void *node = pm_get(r->g->nodes, op, sc_strhash(op));
        int dup = node == (const void *)1 ? YES
                  : (node || plist_covers(r->g->names_unknown, lower_interned(e, op)))
                      ? MAYBE
                      : NO;
        if (m_check(r, dup, VS_ERR_INVALID_NAME,
                    VS_MSG_DUPLICATE_NODE, shown(op)))
            return NULL;
    } else {
        op = m_unique_name(r, prefix, name, renamed, first);
        /* a verbatim node does not mark its name: it can still clash */
        const void *node = op ? pm_get(r->g->nodes, op, sc_strhash(op)) : NULL;
        if (m_check(r, node == (const void *)1 ? YES : node ? MAYBE : NO,
                    VS_ERR_INVALID_NAME, VS_MSG_DUPLICATE_NODE,
                    shown(op)))
            return NULL;
    }
    /* The node pattern: a suffix never changes validity, so the requested
     * full name decides it when the unique one is unknown. */
    const char *probe = op ? op : m_cat(e, prefix, name, "");
    int bad = probe ? (vs__valid_op_name(probe) ? NO : YES) : MAYBE;
    if (m_check(r, bad, VS_ERR_INVALID_NAME, VS_MSG_INVALID_NODE_NAME,
                shown(probe)))
        return NULL;
    if (op)
        M_SET(r, r->g->nodes, op, (const void *)1);
    return op;
}

/* The ops a RefVariable makes under its name scope: Initializer (for a
 * callable initializer), Assign, read.  Returns the read tensor. */
const sc_tensor *m_variable_ops(mrun *r, const char *op, bool callable,
                                int dtype, const sc_shape *shape)
{
    sc_engine *e = r->e;
    const char *prefix = op ? m_cat(e, op, "/", "") : NULL;
    if (callable)
        m_unique_name(r, prefix, sc_istr(e, "Initializer"), NULL, NULL);
    const char *assign = m_unique_name(r, prefix, sc_istr(e, "Assign"), NULL,
                                       NULL);
    const char *read = m_unique_name(r, prefix, sc_istr(e, "read"), NULL,
                                     NULL);
    if (assign)
        M_SET(r, r->g->nodes, assign, (const void *)1);
    if (read)
        M_SET(r, r->g->nodes, read, (const void *)1);
    sc_tensor *t = sc_alloc(&e->arena, sizeof *t);
    t->name = read ? m_cat(e, read, ":0", "") : NULL;
    t->dtype = dtype;
    t->shape = *shape;
    return t;
}

const sc_entry *m_naming_entry(const sc_graph *g)
{
    for (const sc_entry *en = g->stack; en; en = en->below)
        if (en->sets_ns || en->kind == SC_ENTRY_UNKNOWN)
            return en;
    return NULL;
}

void m_defer(mrun *r, const sc_event *ev, const sc_event_sites *where)
{
    if (r->npending < (int)(sizeof r->pending / sizeof r->pending[0])) {
        r->pending[r->npending].ev = *ev;
        r->pending[r->npending++].where = *where;
    }
}

void m_note_created(mrun *r)
{
    const sc_entry *en = m_naming_entry(r->g);
    if (en && en->kind != SC_ENTRY_UNKNOWN && en->renamed) {
        sc_event ev = {0};
        ev.kind = SC_EV_REENTERED;
        ev.scope_kind = en->kind == SC_ENTRY_NAME_SCOPE ? SC_SCOPE_NAME
                                                        : SC_SCOPE_VARIABLE;
        ev.name = en->requested;
        ev.result = en->ns;
        sc_event_sites where = {.at = en->site, .other = *r->site};
        sc_emit(r->e, &ev, &where);
    }
}
