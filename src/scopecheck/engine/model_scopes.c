/* Scopes over abstract state: the library's vs__enter (by string or
 * default name), vs__reenter (by a captured object), vs__name_scope and
 * vs__exit (src/varscope/scopes.c; docs/tf-semantics.md §5), which the public
 * scope calls and every call built on scopes (layers, cells, templates,
 * the slot creator) run. */
#include <string.h>

#include "model_int.h"
#include "varscope.h"

static void push_entry(mrun *r, sc_entry_kind kind, uint32_t scope,
                       const char *requested, const char *ns, bool sets_ns,
                       bool renamed, const sc_counts *snapshot,
                       bool snap_unknown)
{
    sc_engine *e = r->e;
    sc_entry *en = sc_alloc(&e->arena, sizeof *en);
    en->below = r->g->stack;
    en->kind = kind;
    en->uid = ++e->next_id;
    en->saved_ns = r->g->ns;
    en->saved_scope = r->g->current;
    en->scope = scope;
    en->snapshot = snapshot;
    en->snapshot_unknown = snap_unknown;
    if (snapshot)
        graph_freeze_counts(e, r->g);   /* kept: never changed in place */
    en->site = *r->site;
    en->requested = requested;
    en->ns = ns;
    en->sets_ns = sets_ns;
    en->renamed = renamed;
    r->g->stack = en;
    r->g->depth++;
    r->g->ns = ns;
    if (kind != SC_ENTRY_NAME_SCOPE)
        r->g->current = scope;
}

const char *m_name_scope(mrun *r, const char *name, int isnull)
{
    sc_engine *e = r->e;
    const char *ns = NULL;
    bool renamed = false;
    if (isnull == YES || (name && !name[0])) {
        ns = sc_istr(e, "");
    } else if (isnull == MAYBE && !name) {
        m_check(r, MAYBE, VS_ERR_INVALID_NAME, "unknown name");
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(e, ""));
    } else {
        if (m_check(r, m_invalid_scope_name(r->g->ns, name), VS_ERR_INVALID_NAME,
                    VS_MSG_INVALID_SCOPE_NAME, shown(name)))
            return NULL;
        if (name && name[strlen(name) - 1] == '/') {
            ns = name;
        } else {
            const char *u = m_unique_name(r, r->g->ns, name, &renamed, NULL);
            ns = u ? m_cat(e, u, "/", "") : NULL;
        }
    }
    push_entry(r, SC_ENTRY_NAME_SCOPE, 0, name, ns, true, renamed, NULL, false);
    return ns;
}

const char *m_unique_default(mrun *r, const sc_scope *parent,
                             const char *prefix)
{
    sc_engine *e = r->e;
    if (!parent || !parent->name || !prefix || r->g->counts_unknown)
        return NULL;
    const char *base = parent->name[0] ? m_cat(e, parent->name, "/", prefix)
                                       : prefix;
    int64_t c = counts_get(e, r->g->counts, base);
    if (c == SC_COUNT_TOP)
        return NULL;
    if (c == 0)
        return prefix;
    for (long k = 1;; k++) {
        const char *cand = sc_fmt(e, "%s_%ld", base, k);
        c = counts_get(e, r->g->counts, cand);
        if (c == SC_COUNT_TOP)
            return NULL;
        if (c == 0)
            return sc_fmt(e, "%s_%ld", prefix, k);
    }
}

const char *m_join_scope(sc_engine *e, const char *parent, const char *name)
{
    if (!parent || !name)
        return NULL;
    return parent[0] ? m_cat(e, parent, "/", name) : name;
}

static void count_scope(mrun *r, const char *full)
{
    if (full)
        r->g->counts = graph_counts_add(r->e, r->g, full, 1);
    else
        r->g->counts_unknown = true;
}

/* The auxiliary name scope of a variable scope entry (docs/tf-semantics.md §5).
 * Returns false if the call fails; *ns is NULL when unknown. */
static bool aux_name_scope(mrun *r, const char *name, int no_ns,
                           const char **ns, bool *sets, bool *renamed)
{
    sc_engine *e = r->e;
    *renamed = false;
    *sets = false;
    if (no_ns == YES || (name && !name[0])) {
        *ns = r->g->ns;
        *sets = no_ns == YES;
        return true;
    }
    if (no_ns == MAYBE) {
        m_check(r, m_invalid_scope_name(r->g->ns, name), VS_ERR_INVALID_NAME,
                "maybe");
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(e, ""));
        *ns = NULL;
        *sets = true;
        return !r->failed;
    }
    if (m_check(r, m_invalid_scope_name(r->g->ns, name), VS_ERR_INVALID_NAME,
                VS_MSG_INVALID_SCOPE_NAME, shown(name)))
        return false;
    *sets = true;
    if (name && name[strlen(name) - 1] == '/') {
        *ns = name;               /* name_scope("a/"): re-entered exactly */
        return true;
    }
    const char *u = m_unique_name(r, r->g->ns, name, renamed, NULL);
    *ns = u ? m_cat(e, u, "/", "") : NULL;
    return true;
}

int m_props_bad(mrun *r, const av *opts, int *reuse, int *dtype,
                int *init_kind, const av **init_value)
{
    const av *rv = m_field(r, opts, "reuse");
    *reuse = rv->kind == AV_INT ? (int)rv->i : -1;
    *dtype = m_dtype_of(m_field(r, opts, "dtype"));
    const av *init = m_field(r, opts, "initializer");
    *init_kind = init->kind == AV_AGG ? m_init_of(r, init, init_value)
                 : init->kind == AV_INT && init->i == 0 ? VS_INIT_NONE
                                                        : -1;
    int bad = NO;
    if (*reuse == -1 || *dtype == SC_DT_TOP || *init_kind == -1)
        bad = MAYBE;
    if ((*reuse != -1 && (*reuse < 0 || *reuse > VS_AUTO_REUSE)) ||
        m_dtype_invalid(*dtype) == YES ||
        (*init_kind != -1 && (*init_kind < 0 || *init_kind > M_INIT_LAST)))
        bad = YES;
    if (*init_kind == VS_INIT_VALUE) {
        int nt = m_null_tri(*init_value);
        if (nt == YES)
            bad = YES;
        else if (nt == MAYBE && bad == NO)
            bad = MAYBE;
    }
    return bad;
}

sc_scope *m_new_scope(mrun *r, const char *name, const char *orig,
                      int reuse, int dtype, int init_kind,
                      const av *init_value)
{
    sc_scope *s = sc_alloc(&r->e->arena, sizeof *s);
    s->id = ++r->e->next_id;
    s->name = name;
    s->original_ns = orig;
    s->reuse = reuse;
    s->dtype = dtype == SC_DT_TOP ? -1 : dtype;
    s->init_kind = init_kind;
    s->init_value = init_kind == VS_INIT_VALUE && init_value
                        ? m_tensor(init_value)
                        : NULL;
    s->site = *r->site;
    return s;
}

static void inherit(sc_scope *s, const sc_scope *from, int reuse, int dtype,
                    int init_kind, const av *init_value)
{
    static const sc_scope unknown = {.reuse = -1, .dtype = -1, .init_kind = -1};
    if (!from)
        from = &unknown;
    s->reuse = reuse == -1 ? -1 : reuse != VS_REUSE_INHERIT ? reuse : from->reuse;
    s->dtype = dtype == SC_DT_TOP ? -1 : dtype != VS_DTYPE_DEFAULT ? dtype : from->dtype;
    if (init_kind == -1) {
        s->init_kind = -1;
        s->init_value = NULL;
    } else if (init_kind != VS_INIT_NONE) {
        s->init_kind = init_kind;
        s->init_value = init_kind == VS_INIT_VALUE && init_value
                            ? m_tensor(init_value)
                            : NULL;
    } else {
        s->init_kind = from->init_kind;
        s->init_value = from->init_value;
    }
}

m_enter_req m_enter_name(const char *name, int reuse)
{
    return (m_enter_req){.name = name, .name_null = NO, .dflt_null = YES,
                         .reuse = reuse, .init_kind = VS_INIT_NONE,
                         .no_ns = NO};
}

m_enter_req m_enter_default(const char *dflt, int reuse)
{
    return (m_enter_req){.name_null = YES, .dflt = dflt, .dflt_null = NO,
                         .reuse = reuse, .init_kind = VS_INIT_NONE,
                         .no_ns = NO};
}

const sc_scope *m_enter(mrun *r, const m_enter_req *q)
{
    sc_engine *e = r->e;
    int name_null = q->name_null, dn_null = q->dflt_null;
    const char *name = q->name, *dflt = q->dflt;
    int bad = q->bad;
    if (name_null == YES && dn_null == YES)
        bad = YES;
    else if (name_null == YES && dflt && !dflt[0])
        bad = YES;
    else if (name_null == MAYBE && dn_null != NO && bad == NO)
        bad = MAYBE;
    if (m_check(r, bad, VS_ERR_INVALID_ARGUMENT,
                name_null == YES && dn_null == YES
                    ? "If default_name is None then name_or_scope is required"
                    : "invalid scope options"))
        return NULL;
    int reuse = q->reuse;
    int rwn = name_null == NO ? NO
              : reuse == -1   ? MAYBE
              : reuse != VS_REUSE_INHERIT ? name_null : NO;
    if (m_check(r, rwn, VS_ERR_REUSE_WITHOUT_NAME, VS_MSG_REUSE_WITHOUT_NAME,
                reuse == VS_REUSE ? "VS_REUSE" : "VS_AUTO_REUSE",
                dflt ? dflt : "?"))
        return NULL;
    const sc_scope *parent = m_current_scope(r);
    const char *requested = name_null == NO ? name : name_null == YES ? dflt : NULL;
    const char *ns;
    bool sets, renamed;
    if (!aux_name_scope(r, requested, q->no_ns, &ns, &sets, &renamed))
        return NULL;
    const char *full;
    if (name_null == NO)
        full = m_join_scope(e, parent ? parent->name : NULL, name);
    else if (name_null == YES)
        full = m_join_scope(e, parent ? parent->name : NULL,
                            m_unique_default(r, parent, dflt));
    else
        full = NULL;
    count_scope(r, full);
    const char *orig = (name && !name[0] && q->no_ns == NO) ? name : ns;
    sc_scope *s = m_new_scope(r, full, orig, reuse, q->dtype, q->init_kind,
                              q->init_value);
    inherit(s, parent, reuse, q->dtype, q->init_kind, q->init_value);
    graph_put_scope(e, r->g, s);
    push_entry(r, SC_ENTRY_VAR_SCOPE, s->id, requested, ns, sets, renamed,
               NULL, false);
    return s;
}

static const char *last_component(sc_engine *e, const char *name)
{
    if (!name)
        return NULL;
    const char *slash = strrchr(name, '/');
    return slash ? sc_istr(e, slash + 1) : name;
}

const sc_scope *m_reenter(mrun *r, const sc_scope *o, int reuse, int dtype,
                          int init_kind, const av *init_value, int no_ns)
{
    sc_engine *e = r->e;
    const char *oname = o ? o->name : NULL;
    const char *last = last_component(e, oname);
    const char *ns;
    bool sets, renamed;
    if (!aux_name_scope(r, last, no_ns, &ns, &sets, &renamed))
        return NULL;
    count_scope(r, oname);
    sc_scope *s = m_new_scope(r, oname, o ? o->original_ns : NULL, reuse,
                              dtype, init_kind, init_value);
    inherit(s, o, reuse, dtype, init_kind, init_value);
    graph_put_scope(e, r->g, s);
    push_entry(r, SC_ENTRY_VAR_REENTER, s->id, last, ns, sets, renamed,
               r->g->counts, r->g->counts_unknown);
    return s;
}

bool m_exit(mrun *r)
{
    sc_engine *e = r->e;
    sc_graph *g = r->g;
    const sc_entry *en = g->stack;
    if (m_check(r, en ? NO : YES, VS_ERR_SCOPE_UNDERFLOW,
                VS_MSG_SCOPE_UNDERFLOW))
        return false;
    if (g->tdepth > 0 && !(en->kind == SC_ENTRY_UNKNOWN && en->bottom) &&
        m_check(r, g->depth <= g->floor ? YES : NO, VS_ERR_SCOPE_UNDERFLOW,
                "vs_scope_exit: a template's builder may exit only the "
                "scopes it entered"))
        return false;
    if (en->kind == SC_ENTRY_UNKNOWN && en->bottom) {
        /* what is open is unknown: so is what this closes, and whether
         * anything is open at all, past the scopes open on every path */
        if (en->at_least == 0 &&
            m_check(r, MAYBE, VS_ERR_SCOPE_UNDERFLOW, VS_MSG_SCOPE_UNDERFLOW))
            return false;
        if (en->at_least > 0) {
            sc_entry *rest = sc_alloc(&e->arena, sizeof *rest);
            *rest = *en;
            rest->at_least--;
            g->stack = rest;
        }
        g->ns = NULL;
        g->current = 0;
        g->counts_unknown = true;
        if (g->tdepth > 0)
            m_check(r, MAYBE, VS_ERR_SCOPE_UNDERFLOW, "below the floor?");
        return true;
    }
    if (en->kind == SC_ENTRY_UNKNOWN) {
        /* one open scope of a kind the paths disagree on: closed, with
         * what it restores where they agree */
        g->counts_unknown = true;
        g->ns = en->saved_ns;
        g->current = en->saved_scope;
        g->stack = en->below;
        g->depth--;
        return true;
    }
    if (en->kind == SC_ENTRY_VAR_SCOPE) {
        const sc_scope *s = graph_scope(g, en->scope);
        if (s && s->name)
            g->counts = graph_counts_close(e, g, s->name);
        else
            g->counts_unknown = true;
    } else if (en->kind == SC_ENTRY_VAR_REENTER) {
        g->counts = en->snapshot;
        g->counts_unknown = en->snapshot_unknown;
    }
    g->ns = en->saved_ns;
    g->current = en->saved_scope;
    g->stack = en->below;
    g->depth--;
    return true;
}

/* ---- the public scope calls ---- */

static const av *op_name_scope_enter(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL : av_or_null(e, av_top());
    int isnull;
    const char *name = m_str(r, m_name_arg(r, a), &isnull);
    const char *ns = m_name_scope(r, name, isnull);
    if (r->failed)
        return NULL;
    /* entered: the string is there even when nobody knows it */
    return ns ? av_str(e, ns) : av_box(e, av_top());
}

static const av *op_variable_scope_enter(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL : av_or_null(e, av_obj(e, AV_SCOPE, 0, true));
    const av *opts = m_options_arg(r, a);
    m_enter_req q = {0};
    q.init_value = av_null();
    q.name = m_str(r, m_name_arg(r, a), &q.name_null);
    q.dflt = m_str(r, m_field(r, opts, "default_name"), &q.dflt_null);
    q.bad = m_props_bad(r, opts, &q.reuse, &q.dtype, &q.init_kind,
                        &q.init_value);
    q.no_ns = m_flag(m_field(r, opts, "no_name_scope"));
    const sc_scope *s = m_enter(r, &q);
    return s ? av_obj(e, AV_SCOPE, s->id, false) : NULL;
}

static const av *op_variable_scope_reenter(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL : av_or_null(e, av_obj(e, AV_SCOPE, 0, true));
    const av *opts = m_options_arg(r, a);
    int reuse, dtype, init_kind;
    const av *init_value = av_null();
    int bad = m_props_bad(r, opts, &reuse, &dtype, &init_kind, &init_value);
    int onull = m_null_tri(a[1]);
    const sc_scope *o = NULL;
    if (onull == YES) {
        bad = YES;
    } else if (a[1]->kind == AV_SCOPE && a[1]->id) {
        o = graph_scope(r->g, a[1]->id);
        if (!o)
            bad = YES;           /* a scope of another graph */
        else if (onull == MAYBE && bad == NO)
            bad = MAYBE;
    } else if (bad == NO) {
        bad = MAYBE;             /* an unknown pointer */
    }
    if (m_check(r, bad, VS_ERR_INVALID_ARGUMENT,
                onull == YES ? "scope is NULL"
                             : "invalid scope (another graph's?) or options"))
        return NULL;
    int no_ns = m_flag(m_field(r, opts, "no_name_scope"));
    const sc_scope *s = m_reenter(r, o, reuse, dtype, init_kind, init_value,
                                  no_ns);
    return s ? av_obj(e, AV_SCOPE, s->id, false) : NULL;
}

static const av *op_scope_exit(mrun *r, const av **a)
{
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return av_top();
    m_exit(r);
    return r->failed ? NULL : av_top();
}

static const av *op_reuse_variables(mrun *r, const av **a)
{
    if (a[0]->kind != AV_SCOPE || a[0]->maybe_null)
        return av_top();
    for (uint32_t i = 0; i < r->st->ngraphs; i++) {
        const sc_scope *s = graph_scope(r->st->graphs[i], a[0]->id);
        if (s) {
            m_copy_graph(r, r->st->graphs[i]);
            sc_scope *c = sc_alloc(&r->e->arena, sizeof *c);
            *c = *s;
            c->reuse = VS_REUSE;
            graph_put_scope(r->e, r->g, c);
            break;
        }
    }
    return av_top();
}

static const av *op_get_variable_scope(mrun *r, const av **a)
{
    if (m_null_tri(m_graph_arg(r, a)) == YES ||
        !m_use_graph(r, m_graph_arg(r, a)))
        return av_top();
    const av *v = r->g->current ? av_obj(r->e, AV_SCOPE, r->g->current, false)
                                : av_top();
    r->g = NULL;                 /* nothing changed */
    return v;
}

static const av *op_scope_name(mrun *r, const av **a)
{
    const sc_scope *s = m_scope_arg(r, a[0]);
    return s && s->name ? av_str(r->e, s->name) : av_top();
}

static const av *op_scope_orig(mrun *r, const av **a)
{
    const sc_scope *s = m_scope_arg(r, a[0]);
    return s && s->original_ns ? av_str(r->e, s->original_ns) : av_top();
}

static const av *op_scope_reuse(mrun *r, const av **a)
{
    const sc_scope *s = m_scope_arg(r, a[0]);
    return s && s->reuse >= 0 ? av_int(r->e, s->reuse) : av_top();
}

static const av *op_current_name_scope(mrun *r, const av **a)
{
    if (m_null_tri(m_graph_arg(r, a)) == YES ||
        !m_use_graph(r, m_graph_arg(r, a)))
        return av_top();
    const av *v = r->g->ns ? av_str(r->e, r->g->ns) : av_top();
    r->g = NULL;
    return v;
}

const av *m_scope_op(mrun *r, const av **a)
{
    switch (vs__fn_id(r->fn)) {
    case VS_FN_vs_variable_scope_enter: return op_variable_scope_enter(r, a);
    case VS_FN_vs_variable_scope_reenter: return op_variable_scope_reenter(r, a);
    case VS_FN_vs_name_scope_enter: return op_name_scope_enter(r, a);
    case VS_FN_vs_scope_exit: return op_scope_exit(r, a);
    case VS_FN_vs_reuse_variables: return op_reuse_variables(r, a);
    case VS_FN_vs_get_variable_scope: return op_get_variable_scope(r, a);
    case VS_FN_vs_scope_name: return op_scope_name(r, a);
    case VS_FN_vs_scope_original_name_scope: return op_scope_orig(r, a);
    case VS_FN_vs_scope_reuse: return op_scope_reuse(r, a);
    case VS_FN_vs_current_name_scope: return op_current_name_scope(r, a);
    default: return av_top();
    }
}
