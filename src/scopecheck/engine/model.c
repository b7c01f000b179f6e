/* The varscope library's calls, over abstract state: argument decoding,
 * graphs, ops, tf.Variable, scopes and dense.  See model_int.h. */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "model_int.h"
#include "varscope.h"

/* ---- decoding arguments ---- */

/* the call's graph, name and options arguments: where they are is the
 * vocabulary's (vocab.h) */
static const av *graph_arg(const mrun *r, const av **a)
{
    assert(r->fn->graph >= 0);
    return a[r->fn->graph];
}

static const av *name_arg(const mrun *r, const av **a)
{
    assert(r->fn->name_arg >= 0);
    return a[r->fn->name_arg];
}

static const av *options_arg(const mrun *r, const av **a)
{
    assert(r->fn->options >= 0);
    return a[r->fn->options];
}

/* the failed call a NULL argument comes from, for the note */
static void why_null(mrun *r, const av *v)
{
    if (v->why && !r->where.other.unit)
        r->where.other = *v->why;
}

static int null_tri(const av *v)
{
    if (v->kind == AV_NULL || (v->kind == AV_INT && v->i == 0))
        return YES;
    if (v->kind == AV_TOP || v->maybe_null)
        return MAYBE;
    return NO;
}

/* What a pointer argument points at (an options struct, a shape). */
static const av *deref(mrun *r, const av *p)
{
    if (p->kind == AV_BOX || p->kind == AV_REF)
        return mem_peek(r->e, r->st, p);
    return av_top();
}

static const av *field(mrun *r, const av *agg, const char *name)
{
    return av_field(r->e, agg, sc_istr(r->e, name));
}

/* an options pointer: NULL means all defaults */
static const av *options_of(mrun *r, const av *p)
{
    if (null_tri(p) == YES)
        return av_agg(r->e, 0, NULL, NULL, true);
    return deref(r, p);
}

static int64_t int_arg(const av *v, bool *known)
{
    *known = v->kind == AV_INT;
    return *known ? v->i : 0;
}

/* A string argument: the string, or NULL with *null set when it is a
 * NULL pointer, or NULL when unknown.  A char array arrives as a pointer
 * to the variable holding its text. */
static const char *str_arg_in(sc_engine *e, const sc_state *st, const av *v,
                              int *null)
{
    *null = null_tri(v);
    if (!st)
        return v->kind == AV_STR && !v->maybe_null && !v->open ? v->s : NULL;
    return mem_string(e, st, v);
}
#define str_arg(v, null) str_arg_in(r->e, r->st, (v), (null))

static int dtype_of(const av *v)
{
    return v->kind == AV_INT ? (int)v->i : SC_DT_TOP;
}

static sc_shape shape_of(mrun *r, const av *s, bool *unknown)
{
    sc_shape sh = {SC_TOP_RANK, {0}};
    *unknown = true;
    if (s->kind != AV_AGG)
        return sh;
    const av *rank = field(r, s, "rank"), *dims = field(r, s, "dims");
    if (rank->kind != AV_INT)
        return sh;
    if (rank->i < 0 || rank->i > SC_MAX_RANK) {
        sh.rank = (int)(rank->i < 0 ? -3 : SC_MAX_RANK + 1);
        *unknown = false;
        return sh;
    }
    sh.rank = (int)rank->i;
    for (int i = 0; i < sh.rank; i++) {
        const av *d = av_top();
        if (dims->kind == AV_AGG && !dims->names)
            d = (uint32_t)i < dims->nfields ? dims->vals[i]
                : dims->zero_rest           ? av_int(r->e, 0)
                                            : av_top();
        sh.dims[i] = d->kind == AV_INT ? d->i : SC_TOP_DIM;
    }
    *unknown = false;
    return sh;
}

static const sc_tensor *tensor_of(const av *v)
{
    return v->kind == AV_TENSOR ? v->t : NULL;
}

/* The live graph handle g designates.  An unknown handle is taken to be
 * the only live graph when there is exactly one. */
static const sc_graph *live_graph(const sc_state *st, const av *g)
{
    const sc_graph *gs = NULL;
    if (g->kind == AV_GRAPH) {
        gs = state_graph(st, g->id);
    } else {
        for (uint32_t i = 0; i < st->ngraphs; i++)
            if (!st->graphs[i]->freed) {
                if (gs)
                    return NULL;
                gs = st->graphs[i];
            }
    }
    return gs && !gs->freed ? gs : NULL;
}

/* The graph a call works on, copied to r->g; false if none. */
static bool use_graph(mrun *r, const av *g)
{
    int nt = null_tri(g);
    why_null(r, g);
    if (m_check(r, nt, VS_ERR_INVALID_ARGUMENT, VS_MSG_GRAPH_NULL))
        return false;
    const sc_graph *gs = live_graph(r->st, g);
    if (!gs)
        return false;
    r->g = graph_copy(r->e, gs);
    return true;
}

const sc_graph *model_graph_arg(const sc_state *st, const av *g)
{
    return null_tri(g) == YES ? NULL : live_graph(st, g);
}

static const sc_scope *current_scope(mrun *r)
{
    return graph_scope(r->g, r->g->current);
}

static sc_tensor *new_tensor(mrun *r, const char *op, int dtype,
                             const sc_shape *shape)
{
    sc_tensor *t = sc_alloc(&r->e->arena, sizeof *t);
    t->name = op ? m_cat(r->e, op, ":0", "") : NULL;
    t->dtype = dtype;
    t->shape = *shape;
    return t;
}

static const sc_shape unknown_shape = {SC_TOP_RANK, {0}};

/* ---- graphs ---- */

static const av *op_graph_new(mrun *r, const av **a)
{
    (void)a;
    sc_engine *e = r->e;
    sc_graph *g = sc_alloc(&e->arena, sizeof *g);
    g->id = ++e->next_id;
    sc_scope *root = sc_alloc(&e->arena, sizeof *root);
    root->id = ++e->next_id;
    root->name = sc_istr(e, "");
    root->original_ns = root->name;
    root->is_root = true;
    root->site = *r->site;
    g->root = g->current = root->id;
    g->ns = root->name;
    graph_put_scope(e, g, root);
    r->g = g;
    return av_obj(e, AV_GRAPH, g->id, false);
}

static const av *op_graph_free(mrun *r, const av **a)
{
    if (null_tri(graph_arg(r, a)) == YES || !use_graph(r, graph_arg(r, a)))
        return av_top();         /* vs_graph_free(NULL) is a no-op */
    r->g->freed = true;          /* the checkers saw what was open */
    return av_top();
}

static const av *op_ignore(mrun *r, const av **a)
{
    (void)r;
    (void)a;
    return av_top();
}

/* ---- initializers ---- */

static const av *init_agg(mrun *r, int kind, const av *value)
{
    sc_engine *e = r->e;
    const char **names = sc_alloc(&e->arena, 2 * sizeof *names);
    const av **vals = sc_alloc(&e->arena, 2 * sizeof *vals);
    names[0] = sc_istr(e, "kind");
    vals[0] = av_int(e, kind);
    names[1] = sc_istr(e, "value");
    vals[1] = value ? value : av_null();
    return av_agg(e, 2, names, vals, true);
}

static const av *op_init_value(mrun *r, const av **a)
{
    return init_agg(r, VS_INIT_VALUE, a[0]);
}
#define INIT_OP(fname, k)                                                   \
    static const av *fname(mrun *r, const av **a)               \
    {                                                                       \
        (void)a;                                                            \
        return init_agg(r, k, NULL);                                        \
    }
INIT_OP(op_init_zeros, VS_INIT_ZEROS)
INIT_OP(op_init_ones, VS_INIT_ONES)
INIT_OP(op_init_constant, VS_INIT_CONSTANT)
INIT_OP(op_init_glorot, VS_INIT_GLOROT_UNIFORM)
INIT_OP(op_init_normal, VS_INIT_RANDOM_NORMAL)

/* an initializer value (vs_init struct): kind and tensor */
/* An initializer's kind, -1 when unknown.  A variance scaling whose mode
 * or distribution is no enumerator is no valid kind (vs__init_valid,
 * src/varscope/format.c). */
static int init_of(mrun *r, const av *init, const av **value)
{
    *value = field(r, init, "value");
    const av *k = field(r, init, "kind");
    if (k->kind != AV_INT)
        return -1;
    if (k->i == VS_INIT_VARIANCE_SCALING) {
        const av *mode = field(r, init, "mode");
        const av *dist = field(r, init, "distribution");
        if (mode->kind != AV_INT || dist->kind != AV_INT)
            return -1;
        if ((uint64_t)mode->i > VS_FAN_AVG || (uint64_t)dist->i > VS_DIST_UNIFORM)
            return M_INIT_INVALID;
    }
    return (int)k->i;
}

/* ---- ops ---- */

static const char *op_opt_name(mrun *r, const av *opts, const char *dflt,
                               bool *unknown)
{
    const av *nm = field(r, opts, "name");
    int isnull;
    const char *s = str_arg(nm, &isnull);
    *unknown = false;
    if (isnull == YES)
        return sc_istr(r->e, dflt);
    if (!s)
        *unknown = true;
    return s;
}

static const av *constant(mrun *r, const av *g, int dtype, bool shape_null,
                          const sc_shape *shape, bool shape_unknown,
                          int data_null, const av *opts)
{
    sc_engine *e = r->e;
    if (!use_graph(r, g))
        return r->failed ? NULL : av_tensor(e, new_tensor(r, NULL, dtype, shape), true);
    int bad_dtype = m_dtype_invalid(dtype);
    if (m_check(r, bad_dtype, VS_ERR_INVALID_ARGUMENT, VS_MSG_DTYPE_INVALID) ||
        m_check(r, shape_null, VS_ERR_INVALID_ARGUMENT, VS_MSG_CONSTANT_NO_SHAPE))
        return NULL;
    int bad_shape = NO;
    if (shape_unknown)
        bad_shape = MAYBE;
    else if (shape->rank < 0 || shape->rank > SC_MAX_RANK)
        bad_shape = YES;
    else
        for (int i = 0; i < shape->rank; i++)
            if (shape->dims[i] == SC_TOP_DIM)
                bad_shape = bad_shape == YES ? YES : MAYBE;
            else if (shape->dims[i] < 0)
                bad_shape = YES;
    if (m_check(r, bad_shape, VS_ERR_INVALID_ARGUMENT,
                "a constant's shape must be fully defined, rank 0 to 8") ||
        m_check(r, data_null, VS_ERR_INVALID_ARGUMENT, VS_MSG_CONSTANT_DATA_NULL))
        return NULL;
    bool unknown;
    const char *name = op_opt_name(r, opts, "Const", &unknown);
    const char *op = NULL;
    if (name && !name[0]) {
        m_check(r, YES, VS_ERR_INVALID_NAME,
                VS_MSG_EMPTY_OP_NAME);
        return NULL;
    }
    if (name && name[strlen(name) - 1] == '/') {
        op = m_op_name(r, r->g->ns, name, NULL, NULL);
    } else {
        /* tf.constant: create_op directly, only the node pattern applies */
        op = m_unique_name(r, r->g->ns, name, NULL, NULL);
        const void *node = op ? pm_get(r->g->nodes, op, sc_strhash(op)) : NULL;
        if (m_check(r, node == (const void *)1 ? YES : node ? MAYBE : NO,
                    VS_ERR_INVALID_NAME, VS_MSG_DUPLICATE_NODE,
                    shown(op)))
            return NULL;
        const char *probe = op ? op : m_cat(e, r->g->ns, name, "");
        if (m_check(r, probe ? !vs__valid_op_name(probe) : MAYBE,
                    VS_ERR_INVALID_NAME, VS_MSG_INVALID_NODE_NAME, shown(probe)))
            return NULL;
        if (op)
            M_SET(r, r->g->nodes, op, (const void *)1);
    }
    if (r->failed)
        return NULL;
    r->created = !unknown && null_tri(field(r, opts, "name")) == NO;
    return av_tensor(e, new_tensor(r, op, m_dtype_or_float(dtype), shape), false);
}

static const av *op_constant(mrun *r, const av **a)
{
    bool unknown = true;
    int shape_null = null_tri(a[2]);
    sc_shape sh = unknown_shape;
    if (shape_null != YES)
        sh = shape_of(r, deref(r, a[2]), &unknown);
    /* data may be NULL only for a shape with no elements */
    int64_t elems = 1;
    for (int i = 0; i < sh.rank && i < SC_MAX_RANK; i++)
        elems *= sh.dims[i] > 0 ? sh.dims[i] : 0;
    int data_null = null_tri(a[3]);
    if (data_null != NO && elems == 0 && !unknown)
        data_null = NO;
    return constant(r, graph_arg(r, a), dtype_of(a[1]), shape_null, &sh, unknown,
                     data_null, options_of(r, options_arg(r, a)));
}

static const av *scalar(mrun *r, const av **a, int dtype)
{
    sc_shape sh = {0, {0}};
    return constant(r, graph_arg(r, a), dtype, NO, &sh, false, NO, options_of(r, options_arg(r, a)));
}

static const av *op_scalar_i32(mrun *r, const av **a)
{
    return scalar(r, a, VS_INT32);
}

static const av *op_scalar_f32(mrun *r, const av **a)
{
    return scalar(r, a, VS_FLOAT32);
}

static const av *vector(mrun *r, const av **a, int dtype)
{
    bool known;
    int64_t len = int_arg(a[1], &known);
    sc_shape sh = {1, {known ? len : SC_TOP_DIM}};
    int data_null = null_tri(a[2]);
    if (data_null != NO && known && len == 0)
        data_null = NO;
    else if (data_null != NO && !known)
        data_null = MAYBE;
    return constant(r, graph_arg(r, a), dtype, NO, &sh, false, data_null, options_of(r, options_arg(r, a)));
}

static const av *op_constant_i32(mrun *r, const av **a)
{
    return vector(r, a, VS_INT32);
}

static const av *op_constant_f32(mrun *r, const av **a)
{
    return vector(r, a, VS_FLOAT32);
}

static const av *op_placeholder(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    int dtype = dtype_of(a[1]);
    if (!use_graph(r, graph_arg(r, a)))
        return r->failed ? NULL : av_tensor(e, new_tensor(r, NULL, dtype, &unknown_shape), true);
    bool unknown = false;
    sc_shape sh = {-1, {0}};
    int shape_null = null_tri(a[2]);
    if (shape_null == NO)
        sh = shape_of(r, deref(r, a[2]), &unknown);
    else if (shape_null == MAYBE)
        unknown = true;
    if (unknown)
        sh = unknown_shape;
    int bad_shape = unknown ? MAYBE
                    : sh.rank >= 0 && (sh.rank > SC_MAX_RANK) ? YES
                                                             : NO;
    if (sh.rank < -2)
        bad_shape = YES;
    for (int i = 0; !unknown && i < sh.rank && i < SC_MAX_RANK; i++)
        if (sh.dims[i] == SC_TOP_DIM)
            bad_shape = bad_shape == YES ? YES : MAYBE;
        else if (sh.dims[i] < -1)
            bad_shape = YES;
    if (m_check(r, m_dtype_invalid(dtype),
                VS_ERR_INVALID_ARGUMENT, VS_MSG_DTYPE_INVALID) ||
        m_check(r, bad_shape, VS_ERR_INVALID_ARGUMENT,
                "rank must be between 0 and 8, dimensions >= 0 or -1"))
        return NULL;
    bool unk;
    const av *opts = options_of(r, options_arg(r, a));
    const char *name = op_opt_name(r, opts, "Placeholder", &unk);
    const char *op = m_op_name(r, r->g->ns, name, NULL, NULL);
    if (r->failed)
        return NULL;
    r->created = null_tri(field(r, opts, "name")) == NO;
    return av_tensor(e, new_tensor(r, op, m_dtype_or_float(dtype), &sh), false);
}

static const av *binary(mrun *r, const av **a, const char *type)
{
    sc_engine *e = r->e;
    if (!use_graph(r, graph_arg(r, a)))
        return r->failed ? NULL : av_tensor(e, new_tensor(r, NULL, SC_DT_TOP, &unknown_shape), true);
    int na = null_tri(a[1]), nb = null_tri(a[2]);
    why_null(r, na == YES ? a[1] : a[2]);
    if (m_check(r, na == YES || nb == YES ? YES : (na || nb) ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT, VS_MSG_INPUT_NULL, type,
                na == YES ? "a" : "b"))
        return NULL;
    bool unk;
    const av *opts = options_of(r, options_arg(r, a));
    const char *name = op_opt_name(r, opts, type, &unk);
    const char *op = m_op_name(r, r->g->ns, name, NULL, NULL);
    if (r->failed)
        return NULL;
    const sc_tensor *ta = tensor_of(a[1]), *tb = tensor_of(a[2]);
    int dta = ta ? ta->dtype : SC_DT_TOP, dtb = tb ? tb->dtype : SC_DT_TOP;
    if (m_check(r, dta == SC_DT_TOP || dtb == SC_DT_TOP ? MAYBE
                   : m_dtype_or_float(dta) != m_dtype_or_float(dtb),
                VS_ERR_INVALID_ARGUMENT,
                VS_MSG_INPUT_DTYPES, type, m_dtype_name(dtb), m_dtype_name(dta)))
        return NULL;
    sc_shape out = unknown_shape;
    if (!ta || !tb) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "shapes");
    } else {
        bool add = strcmp(type, "Add") == 0;
        if (m_check(r, add ? m_broadcast(&ta->shape, &tb->shape, &out)
                           : m_matmul(&ta->shape, &tb->shape, &out),
                    VS_ERR_INVALID_ARGUMENT,
                    add ? VS_MSG_ADD_SHAPES : VS_MSG_MATMUL_SHAPES,
                    m_shape_str(e, &ta->shape), m_shape_str(e, &tb->shape)))
            return NULL;
    }
    r->created = null_tri(field(r, opts, "name")) == NO;
    return av_tensor(e, new_tensor(r, op, dta, &out), false);
}

static const av *op_add(mrun *r, const av **a)
{
    return binary(r, a, "Add");
}

static const av *op_matmul(mrun *r, const av **a)
{
    return binary(r, a, "MatMul");
}

/* ---- tf.Variable ---- */

static const av *op_variable(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!use_graph(r, graph_arg(r, a)))
        return r->failed ? NULL : av_var(e, NULL, true);
    const av *opts = options_of(r, options_arg(r, a));
    int vnull = null_tri(a[1]);
    why_null(r, a[1]);
    int dtype = dtype_of(field(r, opts, "dtype"));
    if (m_check(r, vnull, VS_ERR_INVALID_ARGUMENT,
                VS_MSG_INITIAL_VALUE_MISSING) ||
        m_check(r, m_dtype_invalid(dtype),
                VS_ERR_INVALID_ARGUMENT, VS_MSG_DTYPE_INVALID))
        return NULL;
    bool unk, renamed = false;
    sc_site first = {0};
    const char *name = op_opt_name(r, opts, "Variable", &unk);
    const char *op = m_op_name(r, r->g->ns, name, &renamed, &first);
    if (r->failed)
        return NULL;
    const sc_tensor *t = tensor_of(a[1]);
    int vdt = t ? t->dtype : SC_DT_TOP;
    char repr[512];
    if (dtype != VS_DTYPE_DEFAULT &&
        m_check(r, vdt == SC_DT_TOP || dtype == SC_DT_TOP ? MAYBE
                   : dtype != m_dtype_or_float(vdt),
                VS_ERR_INITIALIZER_MISMATCH, VS_MSG_TENSOR_CONVERSION,
                m_dtype_name(dtype), m_dtype_name(vdt),
                m_tensor_repr(r, t, t ? &t->shape : NULL, repr, sizeof repr)))
        return NULL;
    sc_shape sh = t ? t->shape : unknown_shape;
    if (m_check(r, m_undefined(&sh), VS_ERR_UNDEFINED_SHAPE,
                VS_MSG_INITIAL_VALUE_SHAPE,
                m_tensor_repr(r, t, &sh, repr, sizeof repr)))
        return NULL;
    sc_var *v = sc_alloc(&e->arena, sizeof *v);
    v->name = op ? m_cat(e, op, ":0", "") : NULL;
    v->dtype = vdt == SC_DT_TOP ? SC_DT_TOP : m_dtype_or_float(vdt);
    v->shape = sh;
    v->site = *r->site;
    v->read = m_variable_ops(r, op, false, v->dtype, &sh);
    r->created = true;
    if (renamed) {
        sc_event ev = {0};
        ev.kind = SC_EV_RENAMED;
        ev.name = m_cat(e, r->g->ns, name, "");
        ev.result = op;
        sc_event_sites where = {.at = *r->site, .other = first};
        m_defer(r, &ev, &where);
    }
    return av_var(e, v, false);
}

/* ---- tf.get_variable ---- */

static void read_request(mrun *r, const av *name, const av *opts, m_req *q)
{
    int isnull;
    memset(q, 0, sizeof *q);
    q->name = str_arg(name, &isnull);
    q->name_null = isnull == YES;
    if (isnull == MAYBE && !q->name)
        q->name = NULL;
    const av *shape = field(r, opts, "shape");
    int snull = null_tri(shape);
    q->shape_given = snull != YES;
    if (snull == MAYBE && shape->kind == AV_TOP)
        q->shape_unknown = true;
    else if (q->shape_given)
        q->shape = shape_of(r, deref(r, shape), &q->shape_unknown);
    if (q->shape_given && q->shape.rank < -2)
        q->shape.rank = -3;   /* a negative rank: the library rejects it */
    q->dtype = dtype_of(field(r, opts, "dtype"));
    const av *init = field(r, opts, "initializer");
    q->init_kind = init->kind == AV_AGG ? init_of(r, init, &q->init_value)
                                        : init->kind == AV_INT && init->i == 0
                                              ? VS_INIT_NONE
                                              : -1;
    if (q->init_kind != VS_INIT_VALUE)
        q->init_value = av_null();
}

static const av *op_get_variable(mrun *r, const av **a)
{
    if (!use_graph(r, graph_arg(r, a)))
        return r->failed ? NULL : av_var(r->e, NULL, true);
    m_req q;
    read_request(r, name_arg(r, a), options_of(r, options_arg(r, a)), &q);
    return m_get_variable(r, current_scope(r), &q, true);
}

/* ---- scopes ---- */

static const av *push_entry(mrun *r, sc_entry_kind kind, uint32_t scope,
                            const char *requested, const char *ns,
                            bool sets_ns, bool renamed,
                            const sc_counts *snapshot, bool snap_unknown)
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
    return NULL;
}

static const av *op_name_scope_enter(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!use_graph(r, graph_arg(r, a)))
        return r->failed ? NULL : av_or_null(e, av_top());
    int isnull;
    const char *name = str_arg(name_arg(r, a), &isnull);
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
    /* entered: the string is there even when nobody knows it */
    return ns ? av_str(e, ns) : av_box(e, av_top());
}

/* _get_unique_variable_scope; NULL when unknown */
static const char *unique_default(mrun *r, const sc_scope *parent,
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

static const char *join_scope(sc_engine *e, const char *parent,
                              const char *name)
{
    if (!parent || !name)
        return NULL;
    return parent[0] ? m_cat(e, parent, "/", name) : name;
}

static void count_scope(mrun *r, const char *full)
{
    if (full)
        r->g->counts = counts_add(r->e, r->g->counts, full, 1);
    else
        r->g->counts_unknown = true;
}

/* The auxiliary name scope of a variable scope entry (semantics.md §8.3).
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

static int props_bad(mrun *r, const av *opts, int *reuse, int *dtype,
                     int *init_kind, const av **init_value)
{
    const av *rv = field(r, opts, "reuse");
    *reuse = rv->kind == AV_INT ? (int)rv->i : -1;
    *dtype = dtype_of(field(r, opts, "dtype"));
    const av *init = field(r, opts, "initializer");
    *init_kind = init->kind == AV_AGG ? init_of(r, init, init_value)
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
        int nt = null_tri(*init_value);
        if (nt == YES)
            bad = YES;
        else if (nt == MAYBE && bad == NO)
            bad = MAYBE;
    }
    return bad;
}

static sc_scope *new_scope(mrun *r, const char *name, const char *orig,
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
    s->init_value = init_kind == VS_INIT_VALUE ? tensor_of(init_value) : NULL;
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
        s->init_value = init_kind == VS_INIT_VALUE ? tensor_of(init_value) : NULL;
    } else {
        s->init_kind = from->init_kind;
        s->init_value = from->init_value;
    }
}

static const av *op_variable_scope_enter(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!use_graph(r, graph_arg(r, a)))
        return r->failed ? NULL : av_or_null(e, av_obj(e, AV_SCOPE, 0, true));
    const av *opts = options_of(r, options_arg(r, a));
    int name_null, dn_null, reuse, dtype, init_kind;
    const av *init_value = av_null();
    const char *name = str_arg(name_arg(r, a), &name_null);
    const char *dflt = str_arg(field(r, opts, "default_name"), &dn_null);
    int bad = props_bad(r, opts, &reuse, &dtype, &init_kind, &init_value);
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
    int rwn = name_null == NO ? NO
              : reuse == -1   ? MAYBE
              : reuse != VS_REUSE_INHERIT ? name_null : NO;
    if (m_check(r, rwn, VS_ERR_REUSE_WITHOUT_NAME,
                VS_MSG_REUSE_WITHOUT_NAME,
                reuse == VS_REUSE ? "VS_REUSE" : "VS_AUTO_REUSE",
                dflt ? dflt : "?"))
        return NULL;
    const av *nns = field(r, opts, "no_name_scope");
    int no_ns = nns->kind == AV_INT ? (nns->i != 0) : MAYBE;
    const sc_scope *parent = current_scope(r);
    const char *requested = name_null == NO ? name : name_null == YES ? dflt : NULL;
    const char *ns;
    bool sets, renamed;
    if (!aux_name_scope(r, requested, no_ns, &ns, &sets, &renamed))
        return NULL;
    const char *full;
    if (name_null == NO)
        full = join_scope(e, parent ? parent->name : NULL, name);
    else if (name_null == YES)
        full = join_scope(e, parent ? parent->name : NULL,
                          unique_default(r, parent, dflt));
    else
        full = NULL;
    count_scope(r, full);
    const char *orig = (name && !name[0] && no_ns == NO) ? name : ns;
    sc_scope *s = new_scope(r, full, orig, reuse, dtype, init_kind, init_value);
    inherit(s, parent, reuse, dtype, init_kind, init_value);
    graph_put_scope(e, r->g, s);
    push_entry(r, SC_ENTRY_VAR_SCOPE, s->id, requested, ns, sets, renamed,
               NULL, false);
    return av_obj(e, AV_SCOPE, s->id, false);
}

static const char *last_component(sc_engine *e, const char *name)
{
    if (!name)
        return NULL;
    const char *slash = strrchr(name, '/');
    return slash ? sc_istr(e, slash + 1) : name;
}

static const av *op_variable_scope_reenter(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!use_graph(r, graph_arg(r, a)))
        return r->failed ? NULL : av_or_null(e, av_obj(e, AV_SCOPE, 0, true));
    const av *opts = options_of(r, options_arg(r, a));
    int reuse, dtype, init_kind;
    const av *init_value = av_null();
    int bad = props_bad(r, opts, &reuse, &dtype, &init_kind, &init_value);
    int onull = null_tri(a[1]);
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
    const av *nns = field(r, opts, "no_name_scope");
    int no_ns = nns->kind == AV_INT ? (nns->i != 0) : MAYBE;
    const char *oname = o ? o->name : NULL;
    const char *last = last_component(e, oname);
    const char *ns;
    bool sets, renamed;
    if (!aux_name_scope(r, last, no_ns, &ns, &sets, &renamed))
        return NULL;
    count_scope(r, oname);
    sc_scope *s = new_scope(r, oname, o ? o->original_ns : NULL, reuse, dtype,
                            init_kind, init_value);
    inherit(s, o, reuse, dtype, init_kind, init_value);
    graph_put_scope(e, r->g, s);
    push_entry(r, SC_ENTRY_VAR_REENTER, s->id, last, ns, sets, renamed,
               r->g->counts, r->g->counts_unknown);
    return av_obj(e, AV_SCOPE, s->id, false);
}

static const av *op_scope_exit(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!use_graph(r, graph_arg(r, a)))
        return av_top();
    sc_graph *g = r->g;
    const sc_entry *en = g->stack;
    if (m_check(r, en ? NO : YES, VS_ERR_SCOPE_UNDERFLOW,
                VS_MSG_SCOPE_UNDERFLOW))
        return NULL;
    if (en->kind == SC_ENTRY_UNKNOWN) {
        /* what is open is unknown: so is what this closes */
        g->ns = NULL;
        g->current = 0;
        g->counts_unknown = true;
        return av_top();
    }
    if (en->kind == SC_ENTRY_VAR_SCOPE) {
        const sc_scope *s = graph_scope(g, en->scope);
        if (s && s->name)
            g->counts = counts_close_subscopes(e, g->counts, s->name);
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
    return av_top();
}

static const av *op_reuse_variables(mrun *r, const av **a)
{
    if (a[0]->kind != AV_SCOPE || a[0]->maybe_null)
        return av_top();
    for (uint32_t i = 0; i < r->st->ngraphs; i++) {
        const sc_scope *s = graph_scope(r->st->graphs[i], a[0]->id);
        if (s) {
            r->g = graph_copy(r->e, r->st->graphs[i]);
            sc_scope *c = sc_alloc(&r->e->arena, sizeof *c);
            *c = *s;
            c->reuse = VS_REUSE;
            graph_put_scope(r->e, r->g, c);
            break;
        }
    }
    return av_top();
}

static const sc_scope *scope_arg(mrun *r, const av *v)
{
    if (v->kind != AV_SCOPE)
        return NULL;
    for (uint32_t i = 0; i < r->st->ngraphs; i++) {
        const sc_scope *s = graph_scope(r->st->graphs[i], v->id);
        if (s)
            return s;
    }
    return NULL;
}

static const av *op_get_variable_scope(mrun *r, const av **a)
{
    if (null_tri(graph_arg(r, a)) == YES || !use_graph(r, graph_arg(r, a)))
        return av_top();
    const av *v = r->g->current ? av_obj(r->e, AV_SCOPE, r->g->current, false)
                                : av_top();
    r->g = NULL;                 /* nothing changed */
    return v;
}

static const av *op_scope_name(mrun *r, const av **a)
{
    const sc_scope *s = scope_arg(r, a[0]);
    return s && s->name ? av_str(r->e, s->name) : av_top();
}

static const av *op_scope_orig(mrun *r, const av **a)
{
    const sc_scope *s = scope_arg(r, a[0]);
    return s && s->original_ns ? av_str(r->e, s->original_ns) : av_top();
}

static const av *op_scope_reuse(mrun *r, const av **a)
{
    const sc_scope *s = scope_arg(r, a[0]);
    return s && s->reuse >= 0 ? av_int(r->e, s->reuse) : av_top();
}

static const av *op_current_name_scope(mrun *r, const av **a)
{
    if (null_tri(graph_arg(r, a)) == YES || !use_graph(r, graph_arg(r, a)))
        return av_top();
    const av *v = r->g->ns ? av_str(r->e, r->g->ns) : av_top();
    r->g = NULL;
    return v;
}

static const av *op_value(mrun *r, const av **a)
{
    if (a[0]->kind == AV_NULL)
        return a[0];          /* NULL in, NULL out: keeps where it came from */
    if (a[0]->kind == AV_VAR && a[0]->v && a[0]->v->read)
        return av_tensor(r->e, a[0]->v->read, a[0]->maybe_null);
    return av_or_null(r->e, av_tensor(r->e, NULL, true));
}

static const av *op_tensor_name(mrun *r, const av **a)
{
    const sc_tensor *t = tensor_of(a[0]);
    return t && t->name && !a[0]->maybe_null ? av_str(r->e, t->name) : av_top();
}

static const av *op_var_name(mrun *r, const av **a)
{
    const sc_var *v = a[0]->kind == AV_VAR ? a[0]->v : NULL;
    return v && v->name && !a[0]->maybe_null ? av_str(r->e, v->name) : av_top();
}

/* ---- dense (see the library's src/varscope/dense.c) ---- */

static const av *op_dense(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!use_graph(r, graph_arg(r, a)))
        return r->failed ? NULL : av_tensor(e, new_tensor(r, NULL, SC_DT_TOP, &unknown_shape), true);
    bool known;
    int64_t units = int_arg(a[2], &known);
    why_null(r, a[1]);
    if (m_check(r, null_tri(a[1]), VS_ERR_INVALID_ARGUMENT,
                VS_MSG_DENSE_INPUT_NULL) ||
        m_check(r, known ? units <= 0 : MAYBE, VS_ERR_INVALID_ARGUMENT,
                VS_MSG_DENSE_UNITS,
                (long long)units))
        return NULL;
    const av *opts = options_of(r, options_arg(r, a));
    int name_null;
    const char *name = str_arg(field(r, opts, "name"), &name_null);
    const char *base = name_null == YES ? sc_istr(e, "dense") : name;
    if (m_check(r, base && !base[0], VS_ERR_INVALID_NAME,
                VS_MSG_EMPTY_SCOPE_NAME) ||
        m_check(r, m_invalid_scope_name(r->g->ns, base), VS_ERR_INVALID_NAME,
                VS_MSG_INVALID_SCOPE_NAME, shown(base)))
        return NULL;
    const sc_scope *parent = current_scope(r);
    const char *ns;
    if (base && base[strlen(base) - 1] == '/') {
        ns = base;                /* name_scope("a/"): re-entered exactly */
    } else {
        const char *u = m_unique_name(r, r->g->ns, base, NULL, NULL);
        ns = u ? m_cat(e, u, "/", "") : NULL;
    }
    const char *scope_name = name_null == NO    ? name
                             : name_null == YES ? unique_default(r, parent, base)
                                                : NULL;
    const char *full = join_scope(e, parent ? parent->name : NULL, scope_name);
    if (full) {
        r->g->counts = counts_add(e, r->g->counts, full, 1);
        r->g->counts = counts_close_subscopes(e, r->g->counts, full);
        r->g->counts = counts_add(e, r->g->counts, full, 1);
    } else {
        r->g->counts_unknown = true;
    }
    sc_scope *captured = new_scope(r, full, ns, VS_REUSE_INHERIT,
                                   VS_DTYPE_DEFAULT, VS_INIT_NONE, NULL);
    inherit(captured, parent, VS_REUSE_INHERIT, VS_DTYPE_DEFAULT, VS_INIT_NONE, NULL);

    const sc_tensor *in = tensor_of(a[1]);
    sc_shape ish = in ? in->shape : unknown_shape;
    int dt = in ? in->dtype : SC_DT_TOP;
    if (m_check(r, ish.rank == SC_TOP_RANK ? MAYBE : ish.rank >= 0 && ish.rank < 2,
                VS_ERR_INVALID_ARGUMENT,
                VS_MSG_DENSE_NDIM,
                full ? full : "dense", ish.rank, m_shape_str(e, &ish)) ||
        m_check(r, dt == SC_DT_TOP ? MAYBE : !vs__dtype_floating((vs_dtype)dt),
                VS_ERR_INVALID_ARGUMENT,
                VS_MSG_DENSE_DTYPE, m_dtype_name(dt)))
        return NULL;
    int64_t last = ish.rank > 0 ? ish.dims[ish.rank - 1] : -1;
    if (m_check(r, ish.rank == SC_TOP_RANK || last == SC_TOP_DIM ? MAYBE
                   : ish.rank < 0 || last < 0,
                VS_ERR_UNDEFINED_SHAPE,
                VS_MSG_DENSE_LAST_DIM))
        return NULL;
    int dtype = dt == SC_DT_TOP ? SC_DT_TOP : m_dtype_or_float(dt);
    m_req kq = {0}, bq = {0};
    kq.name = sc_istr(e, "kernel");
    kq.shape_given = true;
    kq.shape.rank = 2;
    kq.shape.dims[0] = ish.rank == SC_TOP_RANK ? SC_TOP_DIM : last;
    kq.shape.dims[1] = known ? units : SC_TOP_DIM;
    kq.dtype = dtype;
    kq.init_kind = VS_INIT_NONE;
    kq.init_value = av_null();
    bq = kq;
    bq.name = sc_istr(e, "bias");
    bq.shape.rank = 1;
    bq.shape.dims[0] = kq.shape.dims[1];
    bq.init_kind = VS_INIT_ZEROS;
    const av *nb = field(r, opts, "no_bias");
    int no_bias = nb->kind == AV_INT ? nb->i != 0 : MAYBE;
    if (!m_get_variable(r, captured, &kq, false))
        return NULL;
    if (no_bias != YES && !m_get_variable(r, captured, &bq, false))
        return NULL;
    sc_shape out = ish;
    if (out.rank > 0)
        out.dims[out.rank - 1] = known ? units : SC_TOP_DIM;
    const char *op = m_op_name(r, ns, sc_istr(e, ish.rank > 2 ? "Tensordot" : "MatMul"),
                               NULL, NULL);
    if (no_bias != YES && !r->failed)
        op = m_op_name(r, ns, sc_istr(e, "BiasAdd"), NULL, NULL);
    if (no_bias == MAYBE)
        op = NULL;
    if (r->failed)
        return NULL;
    return av_tensor(e, new_tensor(r, op, dtype, &out), false);
}

/* ---- dispatch ---- */

typedef const av *(*op_fn)(mrun *r, const av **a);

/* What each of the library's functions does (vocab.h lists them): the
 * functions that change nothing the engine tracks are ignored. */
static const op_fn ops[VS_FN_COUNT] = {
    [VS_FN_vs_graph_new] = op_graph_new,
    [VS_FN_vs_graph_free] = op_graph_free,
    [VS_FN_vs_set_error_handler] = op_ignore,
    [VS_FN_vs_last_error] = op_ignore,
    [VS_FN_vs_code_name] = op_ignore,
    [VS_FN_vs_init_value] = op_init_value,
    [VS_FN_vs_init_zeros] = op_init_zeros,
    [VS_FN_vs_init_ones] = op_init_ones,
    [VS_FN_vs_init_constant] = op_init_constant,
    [VS_FN_vs_init_glorot_uniform] = op_init_glorot,
    [VS_FN_vs_init_random_normal] = op_init_normal,
    [VS_FN_vs_constant] = op_constant,
    [VS_FN_vs_scalar_i32] = op_scalar_i32,
    [VS_FN_vs_scalar_f32] = op_scalar_f32,
    [VS_FN_vs_constant_i32] = op_constant_i32,
    [VS_FN_vs_constant_f32] = op_constant_f32,
    [VS_FN_vs_placeholder] = op_placeholder,
    [VS_FN_vs_add] = op_add,
    [VS_FN_vs_matmul] = op_matmul,
    [VS_FN_vs_value] = op_value,
    [VS_FN_vs_tensor_name] = op_tensor_name,
    [VS_FN_vs_tensor_dtype] = op_ignore,
    [VS_FN_vs_tensor_shape] = op_ignore,
    [VS_FN_vs_variable] = op_variable,
    [VS_FN_vs_get_variable] = op_get_variable,
    [VS_FN_vs_var_name] = op_var_name,
    [VS_FN_vs_var_dtype] = op_ignore,
    [VS_FN_vs_var_shape] = op_ignore,
    [VS_FN_vs_graph_variables] = op_ignore,
    [VS_FN_vs_var_repr] = op_ignore,
    [VS_FN_vs_dtype_name] = op_ignore,
    [VS_FN_vs_variable_scope_enter] = op_variable_scope_enter,
    [VS_FN_vs_variable_scope_reenter] = op_variable_scope_reenter,
    [VS_FN_vs_name_scope_enter] = op_name_scope_enter,
    [VS_FN_vs_scope_exit] = op_scope_exit,
    [VS_FN_vs_reuse_variables] = op_reuse_variables,
    [VS_FN_vs_get_variable_scope] = op_get_variable_scope,
    [VS_FN_vs_scope_name] = op_scope_name,
    [VS_FN_vs_scope_original_name_scope] = op_scope_orig,
    [VS_FN_vs_scope_reuse] = op_scope_reuse,
    [VS_FN_vs_current_name_scope] = op_current_name_scope,
    [VS_FN_vs_dense] = op_dense,
};

static void push(sc_svs *out, sc_state *st, const av *v)
{
    sc_sv sv = {.st = st, .v = v};
    SC_PUSH(*out, sv);
}

static void push_failed(sc_svs *out, sc_state *st, const av *v, int code)
{
    sc_sv sv = {.st = st, .v = v, .failed = true, .code = code};
    SC_PUSH(*out, sv);
}

void model_call(sc_engine *e, vs_fn_id fn, sc_state *st, const av **args,
                uint32_t nargs, const sc_site *site, sc_svs *out)
{
    /* a function of the vocabulary without a model: tests must say so,
     * a release build takes it to change nothing the engine tracks */
    assert(fn < VS_FN_COUNT && ops[fn]);
    op_fn op = ops[fn] ? ops[fn] : op_ignore;
    const vs_fn_info *info = &vs__fns[fn];
    if (nargs < (uint32_t)info->arity) {
        push(out, st, av_top());  /* not a call the library's C allows */
        return;
    }
    mrun r = {0};
    r.e = e;
    r.fn = info;
    r.edit = sc_new_edit_for(e, &r);
    r.st = st;
    r.site = site;
    const av *res = op(&r, args);
    const av *fail = info->fails_null ? av_null_from(e, site) : av_top();
    if (e->trace)
        fprintf(stderr, "trace: %u:%u %s: %s%s%s\n", site->loc.line, site->loc.col,
                info->name, r.failed ? (r.certain ? "fails" : "fails (code unsure)")
                                : r.maybe ? "may fail" : "ok",
                r.failed || r.maybe ? " " : "", r.failed ? r.msg ? r.msg : "" : "");
    assert(!r.certain || r.failed);
    assert(!r.failed || r.code != VS_OK);
    if (st->tainted && r.failed)
        r.certain = false;        /* nothing is sure on a doubtful path */
    if (r.failed) {
        if (r.certain) {
            sc_event ev = r.ev;
            ev.kind = SC_EV_ERROR;
            ev.code = r.code;
            ev.message = r.msg;
            r.where.at = *site;
            sc_emit(e, &ev, &r.where);
        } else if (e->strict) {
            sc_event ev = r.ev;
            ev.kind = SC_EV_MAYBE_ERROR;
            ev.code = r.code;
            ev.message = r.msg;
            r.where.at = *site;
            sc_emit(e, &ev, &r.where);
        }
        /* the call fails on every run of this path, whichever check
         * (an earlier one that may fail, or this one): its code may be
         * unsure, what follows is not (the graph untouched, NULL) */
        push_failed(out, st, fail, r.certain ? r.code : 0);
        return;
    }
    if (r.maybe) {
        /* the path where the call failed: maybe only because the engine
         * does not know enough, so what follows from it is not sure */
        sc_state *failed = state_clone(e, st);
        failed->tainted = true;
        push_failed(out, failed, fail, 0);
        /* and the path where it succeeded, for the same reason: what the
         * engine does not know (a name a loop widened, a join) may be
         * what makes every run fail here */
        st->tainted = true;
        if (e->strict) {
            sc_event ev = r.ev;
            ev.kind = SC_EV_MAYBE_ERROR;
            ev.code = r.maybe_code;
            r.where.at = *site;
            sc_emit(e, &ev, &r.where);
        }
    }
    if (r.g)
        state_set_graph(e, st, r.g);
    for (int i = 0; i < r.npending && !st->tainted; i++)
        sc_emit(e, &r.pending[i].ev, &r.pending[i].where);
    if (r.created && r.g && !st->tainted)
        m_note_created(&r);
    push(out, st, res ? res : av_top());
}
