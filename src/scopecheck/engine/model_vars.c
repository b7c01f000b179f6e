/* tf.get_variable over abstract state: VariableScope.get_variable and
 * _VariableStore._get_single_variable, checks in TF's order (docs/tf-semantics.md
 * §4; the library's src/varscope/variables.c). */
#include <string.h>

#include "model_int.h"
#include "varscope.h"

/* YES if the shape has a problem the library rejects (rank, dims). */
static int shape_problem(const m_req *q)
{
    if (!q->shape_given)
        return NO;
    if (q->shape_unknown)
        return MAYBE;
    return m_shape_problem(&q->shape);
}

static const sc_entry *reuse_entry(const sc_graph *g)
{
    for (const sc_entry *en = g->stack; en; en = en->below)
        if (en->kind == SC_ENTRY_VAR_SCOPE || en->kind == SC_ENTRY_VAR_REENTER)
            return en;
    return NULL;
}

static const sc_var *unknown_var(sc_engine *e, const char *full)
{
    sc_var *v = sc_alloc(&e->arena, sizeof *v);
    v->full = full;
    v->dtype = SC_DT_TOP;
    v->shape.rank = SC_TOP_RANK;
    v->from_store = true;
    v->trainable = -1;
    return v;
}

/* The read tensor's gradient deps: the variable itself, if floating. */
void m_read_deps(sc_engine *e, sc_tensor *t, const sc_var *v)
{
    if (!t)
        return;
    if (v->dtype == SC_DT_TOP || !v->name)
        t->deps_top = v->dtype == SC_DT_TOP ||
                      vs__dtype_floating((vs_dtype)v->dtype);
    else if (vs__dtype_floating((vs_dtype)v->dtype))
        t->deps = deps_add(e, NULL, v->name);
}

/* ---- collections: every variable joins the graph's list, trainable
 * ones TRAINABLE_VARIABLES (unknown trainability: a gap there) ---- */

void m_collect(mrun *r, const char *key, const sc_var *v)
{
    key = sc_istr(r->e, key);
    graph_put_coll(r->e, r->g, key, vlist_push(r->e, graph_coll(r->g, key), v));
}

void m_collect_new(mrun *r, const sc_var *v, const char *collection)
{
    r->g->vars = vlist_push(r->e, r->g->vars, v);
    if (v->trainable != 0)
        m_collect(r, VS_TRAINABLE_VARIABLES, v->trainable == 1 ? v : NULL);
    if (collection)
        m_collect(r, collection, v);
}

static const av *create(mrun *r, const sc_scope *sc, const m_req *q,
                        const char *full, int kind, const sc_tensor *value,
                        int dtype)
{
    sc_engine *e = r->e;
    int from_value = kind == -1 ? MAYBE : kind == VS_INIT_VALUE ? YES : NO;
    if (from_value != YES) {
        int undef = !q->shape_given ? (from_value == NO ? YES : MAYBE)
                    : q->shape_unknown ? MAYBE
                                       : m_undefined(&q->shape);
        if (from_value == MAYBE && undef == YES)
            undef = MAYBE;
        if (m_check(r, undef, VS_ERR_UNDEFINED_SHAPE,
                    VS_MSG_INITIALIZER_INVALID,
                    full ? full : "?"))
            return NULL;
    }
    /* Created like tf.Variable(name=full) under the root name scope. */
    const char *op = m_op_name(r, sc_istr(e, ""), full, NULL, NULL);
    if (r->failed)
        return NULL;
    if (from_value != NO) {
        int undef = value ? m_undefined(&value->shape) : MAYBE;
        if (from_value == MAYBE && undef == YES)
            undef = MAYBE;
        char repr[512];
        if (m_check(r, undef, VS_ERR_UNDEFINED_SHAPE,
                    VS_MSG_INITIAL_VALUE_SHAPE,
                    m_tensor_repr(r, value, value ? &value->shape : NULL, repr,
                                  sizeof repr)))
            return NULL;
    }
    sc_var *v = sc_alloc(&e->arena, sizeof *v);
    v->full = full;
    v->from_store = true;
    v->site = *r->site;
    v->name = op ? m_cat(e, op, ":0", "") : NULL;
    if (from_value == YES) {
        v->dtype = value ? m_dtype_or_float(value->dtype) : SC_DT_TOP;
        if (value && value->dtype == SC_DT_TOP)
            v->dtype = SC_DT_TOP;
        if (value)
            v->shape = value->shape;
        else
            v->shape.rank = SC_TOP_RANK;
    } else if (from_value == NO) {
        v->dtype = dtype;
        v->shape = q->shape_unknown ? (sc_shape){SC_TOP_RANK, {0}} : q->shape;
    } else {
        v->dtype = SC_DT_TOP;
        v->shape.rank = SC_TOP_RANK;
    }
    v->trainable = q->not_trainable == MAYBE ? -1 : q->not_trainable == NO;
    v->read = m_variable_ops(r, op, from_value != YES, v->dtype, &v->shape);
    m_read_deps(e, (sc_tensor *)v->read, v);
    m_collect_new(r, v, q->collection);
    sc_stored *s = sc_alloc(&e->arena, sizeof *s);
    s->var = v;
    if (full)
        M_SET(r, r->g->store, full, s);
    else
        r->g->store_unknown = plist_add(
            e, r->g->store_unknown,
            sc->name ? (sc->name[0] ? m_cat(e, sc->name, "/", "") : sc->name)
                     : sc_istr(e, ""));
    return av_var(e, v, false);
}

const av *m_get_variable(mrun *r, const sc_scope *sc, const m_req *q,
                         bool user_call)
{
    sc_engine *e = r->e;
    sc_graph *g = r->g;
    static const sc_scope unknown_scope = {.reuse = -1, .dtype = -1,
                                           .init_kind = -1};
    if (!sc)
        sc = &unknown_scope;
    const sc_entry *reuse_from = reuse_entry(g);
    if (reuse_from)
        r->where.scope_entry = reuse_from->site;

    /* arguments the library rejects outright */
    if (m_check(r, q->name_null ? YES : NO, VS_ERR_INVALID_ARGUMENT,
                "name is NULL") ||
        m_check(r, shape_problem(q), VS_ERR_INVALID_ARGUMENT,
                "rank must be between 0 and 8, dimensions >= 0 or -1") ||
        m_check(r, m_dtype_invalid(q->dtype), VS_ERR_INVALID_ARGUMENT,
                VS_MSG_DTYPE_INVALID))
        return NULL;
    int vnull = NO;
    if (q->init_kind == -1)
        vnull = MAYBE;
    else if (q->init_kind < 0 || q->init_kind > M_INIT_LAST)
        vnull = YES;
    else if (q->init_kind == VS_INIT_VALUE)
        vnull = !q->init_value || q->init_value->kind == AV_NULL ||
                        (q->init_value->kind == AV_INT && q->init_value->i == 0)
                    ? YES
                : (q->init_value->kind != AV_TENSOR ||
                   q->init_value->maybe_null)
                    ? MAYBE
                    : NO;
    if (vnull == YES && q->init_value && q->init_value->why)
        r->where.other = *q->init_value->why;
    if (m_check(r, vnull, VS_ERR_INVALID_ARGUMENT,
                "initializer is not valid (a value initializer needs a "
                "tensor)"))
        return NULL;
    /* an empty name: key "scope/" in a named scope (the slot creator's
     * get_variable("")); at the root the creation's op name fails */

    /* explicit dtype against a value initializer's */
    const sc_tensor *call_value =
        q->init_kind == VS_INIT_VALUE && q->init_value->kind == AV_TENSOR
            ? q->init_value->t
            : NULL;
    if (q->dtype != VS_DTYPE_DEFAULT && q->init_kind != VS_INIT_NONE) {
        int mism;
        if (q->init_kind == -1 || q->dtype == SC_DT_TOP)
            mism = MAYBE;
        else if (q->init_kind != VS_INIT_VALUE)
            mism = NO;
        else if (!call_value || call_value->dtype == SC_DT_TOP)
            mism = MAYBE;
        else
            mism = m_dtype_or_float(call_value->dtype) != q->dtype ? YES : NO;
        if (m_check(r, mism, VS_ERR_INITIALIZER_MISMATCH,
                    VS_MSG_INITIALIZER_DTYPE,
                    call_value ? m_dtype_name(call_value->dtype) : "?",
                    m_dtype_name(q->dtype)))
            return NULL;
    }

    /* defaults from the scope */
    int kind = q->init_kind != VS_INIT_NONE ? q->init_kind : sc->init_kind;
    const sc_tensor *value = q->init_kind != VS_INIT_NONE ? call_value
                                                          : sc->init_value;
    int given = (q->dtype != VS_DTYPE_DEFAULT && q->dtype != SC_DT_TOP) ||
                        (sc->dtype != VS_DTYPE_DEFAULT && sc->dtype != -1)
                    ? YES
                : (q->dtype == SC_DT_TOP || sc->dtype == -1) ? MAYBE
                                                             : NO;
    int dtype = q->dtype != VS_DTYPE_DEFAULT ? q->dtype : sc->dtype;
    dtype = dtype == -1 ? SC_DT_TOP : m_dtype_or_float(dtype);

    const char *full = NULL;
    if (sc->name && q->name)
        full = sc->name[0] ? m_cat(e, sc->name, "/", q->name) : q->name;
    r->ev.name = full;

    if (full) {
        const char *p0 = m_cat(e, full, "/part_0", "");
        const sc_stored *s = pm_get(g->store, p0, sc_strhash(p0));
        if (m_check(r, s ? (s->maybe ? MAYBE : YES) : NO,
                    VS_ERR_DUPLICATE_VARIABLE,
                    VS_MSG_PARTITIONED,
                    p0))
            return NULL;
    }
    int from_value = kind == -1 ? MAYBE : kind == VS_INIT_VALUE ? YES : NO;
    if (q->shape_given &&
        m_check(r, q->shape_unknown && from_value == YES ? MAYBE : from_value,
                VS_ERR_INITIALIZER_MISMATCH,
                VS_MSG_CONSTANT_AND_SHAPE))
        return NULL;

    const sc_stored *found = full ? pm_get(g->store, full, sc_strhash(full))
                                  : NULL;
    int exists = !full ? MAYBE
                 : found ? (found->maybe ? MAYBE : YES)
                 : plist_covers(g->store_unknown, full) ? MAYBE
                                                        : NO;
    const av *result = NULL;
    if (exists == YES) {
        const sc_var *v = found->var;
        r->ev.existing = v != NULL;
        if (v)
            r->where.created = v->site;
        if (m_check(r, sc->reuse == -1 ? MAYBE : sc->reuse == VS_REUSE_INHERIT,
                    VS_ERR_DUPLICATE_VARIABLE,
                    VS_MSG_VARIABLE_EXISTS,
                    full))
            return NULL;
        if (q->shape_given) {
            int bad = q->shape_unknown || !v ? MAYBE
                                             : m_incompatible(&q->shape, &v->shape);
            r->ev.shape_asked = m_shape_str(e, &q->shape);
            r->ev.shape_found = v ? m_shape_str(e, &v->shape) : "?";
            if (m_check(r, bad, VS_ERR_SHAPE_MISMATCH,
                        VS_MSG_SHARE_SHAPE,
                        full, r->ev.shape_asked, r->ev.shape_found))
                return NULL;
        }
        int vdt = v ? v->dtype : SC_DT_TOP;
        int bad = vdt == SC_DT_TOP || dtype == SC_DT_TOP ? MAYBE
                  : vdt != dtype                         ? YES
                                                         : NO;
        if (bad == YES && given == MAYBE)
            bad = MAYBE;          /* it fails, but which code is unknown */
        r->ev.dtype_asked = dtype;
        r->ev.dtype_found = vdt;
        if (m_check(r, bad,
                    given == YES ? VS_ERR_DTYPE_MISMATCH : VS_ERR_MISSING_DTYPE,
                    VS_MSG_SHARE_DTYPE,
                    full, m_dtype_name(dtype), m_dtype_name(vdt),
                    given == YES ? ""
                                 : VS_MSG_NO_DTYPE_GIVEN))
            return NULL;
        result = av_var(e, v ? v : unknown_var(e, full), false);
    } else if (exists == NO || sc->reuse == VS_REUSE_INHERIT) {
        /* creating (or, when it may exist and reuse is off, failing) */
        if (exists == MAYBE)
            m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "may exist");
        if (m_check(r, sc->reuse == -1 ? MAYBE : sc->reuse == VS_REUSE,
                    VS_ERR_MISSING_VARIABLE,
                    VS_MSG_VARIABLE_MISSING,
                    full))
            return NULL;
        result = create(r, sc, q, full, kind, value, dtype);
        if (!result)
            return NULL;
    } else {
        /* it may exist, and reuse is on or AUTO_REUSE or unknown: shared
         * or created; either way the name is taken afterwards */
        if (sc->reuse != VS_AUTO_REUSE)
            m_check(r, MAYBE, VS_ERR_MISSING_VARIABLE, "may be missing");
        if (sc->reuse == -1)      /* reuse may be off, and it may exist */
            m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "may exist");
        m_check(r, MAYBE, VS_ERR_SHAPE_MISMATCH, "may not match");
        sc_stored *s = sc_alloc(&e->arena, sizeof *s);
        s->var = found && found->var ? found->var : unknown_var(e, full);
        /* made here or not: the lists may hold one more variable */
        r->g->vars = vlist_push(e, r->g->vars, NULL);
        if (q->not_trainable != YES)
            m_collect(r, VS_TRAINABLE_VARIABLES, NULL);
        if (q->collection)
            m_collect(r, q->collection, NULL);
        if (full) {
            M_SET(r, g->store, full, s);
            g->names_unknown = plist_add(e, g->names_unknown, full);
        } else {
            g->store_unknown = plist_add(e, g->store_unknown, sc_istr(e, ""));
            g->names_unknown = plist_add(e, g->names_unknown, sc_istr(e, ""));
        }
        result = av_var(e, s->var, false);
    }
    if (user_call) {
        const sc_entry *en = m_naming_entry(g);
        if (en && en->kind == SC_ENTRY_NAME_SCOPE && en->ns && en->ns[0]) {
            sc_event ev = {0};
            ev.kind = SC_EV_NAME_SCOPE_IGNORED;
            ev.name = full;
            ev.result = en->ns;
            ev.scope_name = q->name;    /* what tf.Variable would prefix */
            sc_event_sites where = {.at = *r->site, .scope_entry = en->site};
            m_defer(r, &ev, &where);
        }
    }
    return result;
}

/* ---- tf.Variable (variables.c's vs__variable) ---- */

const sc_var *m_variable(mrun *r, const av *value, const char *name,
                         bool name_unknown, int dtype, int trainable)
{
    sc_engine *e = r->e;
    int vnull = m_null_tri(value);
    m_why_null(r, value);
    if (m_check(r, vnull, VS_ERR_INVALID_ARGUMENT,
                VS_MSG_INITIAL_VALUE_MISSING) ||
        m_check(r, m_dtype_invalid(dtype),
                VS_ERR_INVALID_ARGUMENT, VS_MSG_DTYPE_INVALID))
        return NULL;
    bool renamed = false;
    sc_site first = {0};
    if (!name && !name_unknown)
        name = sc_istr(e, "Variable");
    const char *op = m_op_name(r, r->g->ns, name, &renamed, &first);
    if (r->failed)
        return NULL;
    const sc_tensor *t = m_tensor(value);
    int vdt = t ? t->dtype : SC_DT_TOP;
    char repr[512];
    if (dtype != VS_DTYPE_DEFAULT &&
        m_check(r, vdt == SC_DT_TOP || dtype == SC_DT_TOP ? MAYBE
                   : dtype != m_dtype_or_float(vdt),
                VS_ERR_INITIALIZER_MISMATCH, VS_MSG_TENSOR_CONVERSION,
                m_dtype_name(dtype), m_dtype_name(vdt),
                m_tensor_repr(r, t, t ? &t->shape : NULL, repr, sizeof repr)))
        return NULL;
    sc_shape sh = t ? t->shape : m_unknown_shape;
    if (m_check(r, m_undefined(&sh), VS_ERR_UNDEFINED_SHAPE,
                VS_MSG_INITIAL_VALUE_SHAPE,
                m_tensor_repr(r, t, &sh, repr, sizeof repr)))
        return NULL;
    sc_var *v = sc_alloc(&e->arena, sizeof *v);
    v->name = op ? m_cat(e, op, ":0", "") : NULL;
    v->dtype = vdt == SC_DT_TOP ? SC_DT_TOP : m_dtype_or_float(vdt);
    v->shape = sh;
    v->site = *r->site;
    v->trainable = trainable == MAYBE ? -1 : trainable == YES;
    v->read = m_variable_ops(r, op, false, v->dtype, &sh);
    m_read_deps(e, (sc_tensor *)v->read, v);
    m_collect_new(r, v, NULL);
    r->created = true;
    if (renamed) {
        sc_event ev = {0};
        ev.kind = SC_EV_RENAMED;
        ev.name = m_cat(e, r->g->ns, name, "");
        ev.result = op;
        sc_event_sites where = {.at = *r->site, .other = first};
        m_defer(r, &ev, &where);
    }
    return v;
}

static const av *op_variable(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL : av_var(e, NULL, true);
    const av *opts = m_options_arg(r, a);
    int nnull;
    const char *name = m_str(r, m_field(r, opts, "name"), &nnull);
    int trainable = m_flag(m_field(r, opts, "not_trainable"));
    trainable = trainable == MAYBE ? MAYBE : !trainable;
    const sc_var *v = m_variable(r, a[1], nnull == YES ? NULL : name,
                                 nnull != YES && !name,
                                 m_dtype_of(m_field(r, opts, "dtype")),
                                 trainable);
    return v ? av_var(e, v, false) : NULL;
}

/* ---- tf.get_variable ---- */

static void read_request(mrun *r, const av *name, const av *opts, m_req *q)
{
    int isnull;
    memset(q, 0, sizeof *q);
    q->name = m_str(r, name, &isnull);
    q->name_null = isnull == YES;
    if (isnull == MAYBE && !q->name)
        q->name = NULL;
    const av *shape = m_field(r, opts, "shape");
    int snull = m_null_tri(shape);
    q->shape_given = snull != YES;
    if (snull == MAYBE && shape->kind == AV_TOP)
        q->shape_unknown = true;
    else if (q->shape_given)
        q->shape = m_shape_of(r, m_deref(r, shape), &q->shape_unknown);
    if (q->shape_given && q->shape.rank < -2)
        q->shape.rank = -3;   /* a negative rank: the library rejects it */
    q->dtype = m_dtype_of(m_field(r, opts, "dtype"));
    const av *init = m_field(r, opts, "initializer");
    q->init_kind = init->kind == AV_AGG ? m_init_of(r, init, &q->init_value)
                                        : init->kind == AV_INT && init->i == 0
                                              ? VS_INIT_NONE
                                              : -1;
    if (q->init_kind != VS_INIT_VALUE)
        q->init_value = av_null();
    q->not_trainable = m_flag(m_field(r, opts, "not_trainable"));
}

static const av *op_get_variable(mrun *r, const av **a)
{
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL : av_var(r->e, NULL, true);
    m_req q;
    read_request(r, m_name_arg(r, a), m_options_arg(r, a), &q);
    return m_get_variable(r, m_current_scope(r), &q, true);
}

const av *m_var_op(mrun *r, const av **a)
{
    return vs__fn_id(r->fn) == VS_FN_vs_variable ? op_variable(r, a)
                                                 : op_get_variable(r, a);
}
