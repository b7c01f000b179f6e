/* Ops over abstract state (the library's src/varscope/ops.c): constants,
 * placeholders, the math and nn ops, with TF's names, shapes, dtypes and
 * shape-function errors, and each output's gradient deps (what
 * tf.gradients reaches from it: minimize's question). */
#include <stdio.h>
#include <string.h>

#include "model_int.h"
#include "varscope.h"

/* ---- outputs ---- */

void m_set_deps(sc_tensor *t, sc_engine *e, const sc_tensor *const *in,
                int n)
{
    t->deps = NULL;
    t->deps_top = false;
    int fl = m_dtype_floating(t->dtype);
    if (fl == NO)
        return;                   /* gradients stop at a non-float op */
    for (int i = 0; i < n; i++) {
        if (!in[i]) {
            t->deps_top = true;
            continue;
        }
        t->deps = deps_union(e, t->deps, in[i]->deps);
        t->deps_top |= in[i]->deps_top;
    }
    if (fl == MAYBE && t->deps) {
        t->deps = NULL;           /* perhaps none of them */
        t->deps_top = true;
    }
}

static sc_tensor *output(mrun *r, const char *op, int dtype,
                         const sc_shape *shape, const sc_tensor *const *in,
                         int n)
{
    sc_tensor *t = m_new_tensor(r, op, dtype, shape);
    m_set_deps(t, r->e, in, n);
    return t;
}

sc_tensor *m_op(mrun *r, const char *type, int dtype, const sc_shape *shape,
                const sc_tensor *const *in, int n)
{
    const char *op = m_op_name(r, r->g->ns, sc_istr(r->e, type), NULL, NULL);
    if (r->failed)
        return NULL;
    return output(r, op, dtype, shape, in, n);
}

/* ---- shape errors, as TF's C++ shape functions say them ---- */

static bool shape_error(mrun *r, int tri, const char *what, const char *op,
                        const char *type, const sc_tensor *a,
                        const sc_tensor *b)
{
    return m_check(r, tri, VS_ERR_INVALID_ARGUMENT, VS_MSG_SHAPE_FN, what,
                   shown(op), type, a ? m_shape_dims(r->e, &a->shape) : "?",
                   b ? m_shape_dims(r->e, &b->shape) : "?");
}

/* The op's inputs agree in dtype, as op_def_library checks a type attr. */
static bool same_dtype(mrun *r, const char *type, const char *xn,
                       const sc_tensor *x, const char *yn, const sc_tensor *y)
{
    int dx = x ? x->dtype : SC_DT_TOP, dy = y ? y->dtype : SC_DT_TOP;
    int tri = dx == SC_DT_TOP || dy == SC_DT_TOP ? MAYBE
              : m_dtype_or_float(dx) != m_dtype_or_float(dy);
    return !m_check(r, tri, VS_ERR_INVALID_ARGUMENT, VS_MSG_INPUT_TYPE, yn,
                    type, m_dtype_name(dy), m_dtype_name(dx), xn);
}

static const sc_shape *shp(const sc_tensor *t)
{
    return t ? &t->shape : &m_unknown_shape;
}

/* elementwise with broadcasting (Add, Sub, Mul) */
sc_tensor *m_elementwise(mrun *r, const char *type, const sc_tensor *a,
                         const sc_tensor *b, const char *name)
{
    const char *op = m_op_name(r, r->g->ns, name ? name : sc_istr(r->e, type),
                               NULL, NULL);
    if (r->failed || !same_dtype(r, type, "x", a, "y", b))
        return NULL;
    sc_shape out;
    int bad = m_broadcast(shp(a), shp(b), &out);
    if (bad == YES) {
        /* the pair of dims that does not broadcast, as ops.c names it */
        int64_t da = 0, db = 0;
        for (int i = 1; i <= a->shape.rank && i <= b->shape.rank; i++) {
            da = a->shape.dims[a->shape.rank - i];
            db = b->shape.dims[b->shape.rank - i];
            if (da >= 0 && db >= 0 && da != db && da != 1 && db != 1)
                break;
        }
        char what[96];
        snprintf(what, sizeof what, VS_MSG_DIMS_EQUAL, (long long)da,
                 (long long)db);
        shape_error(r, YES, what, op, type, a, b);
        return NULL;
    }
    if (shape_error(r, bad, "?", op, type, a, b))
        return NULL;
    const sc_tensor *in[2] = {a, b};
    return output(r, op, a ? a->dtype : SC_DT_TOP, &out, in, 2);
}

sc_tensor *m_matmul(mrun *r, const sc_tensor *a, const sc_tensor *b,
                    const char *name)
{
    const char *op = m_op_name(r, r->g->ns,
                               name ? name : sc_istr(r->e, "MatMul"), NULL, NULL);
    char what[96];
    if (r->failed || !same_dtype(r, "MatMul", "a", a, "b", b))
        return NULL;
    const sc_shape *sa = shp(a), *sb = shp(b);
    int rank_bad = sa->rank == SC_TOP_RANK || sb->rank == SC_TOP_RANK ? MAYBE : NO;
    const sc_shape *bad = sa->rank >= 0 && sa->rank != 2 ? sa
                          : sb->rank >= 0 && sb->rank != 2 ? sb
                                                           : NULL;
    if (bad) {
        snprintf(what, sizeof what, VS_MSG_RANK, 2, bad->rank);
        shape_error(r, YES, what, op, "MatMul", a, b);
        return NULL;
    } else if (shape_error(r, rank_bad, "?", op, "MatMul", a, b)) {
        return NULL;
    }
    int64_t k1 = sa->rank == 2 ? sa->dims[1] : -1;
    int64_t k2 = sb->rank == 2 ? sb->dims[0] : -1;
    int c = dim_top(k1) || dim_top(k2) ? (k1 == -1 || k2 == -1 ? NO : MAYBE)
            : k1 >= 0 && k2 >= 0 && k1 != k2;
    snprintf(what, sizeof what, VS_MSG_DIMS_EQUAL, (long long)k1,
             (long long)k2);
    if (shape_error(r, c, what, op, "MatMul", a, b))
        return NULL;
    sc_shape out = {2, {sa->rank == 2 ? sa->dims[0]
                        : sa->rank == SC_TOP_RANK ? SC_TOP_DIM : -1,
                        sb->rank == 2 ? sb->dims[1]
                        : sb->rank == SC_TOP_RANK ? SC_TOP_DIM : -1}};
    const sc_tensor *in[2] = {a, b};
    return output(r, op, a ? a->dtype : SC_DT_TOP, &out, in, 2);
}

/* nn.bias_add: value of rank >= 2, bias of rank 1 matching its last dim */
sc_tensor *m_bias_add(mrun *r, const sc_tensor *v, const sc_tensor *b,
                      const char *name)
{
    const char *op = m_op_name(r, r->g->ns,
                               name ? name : sc_istr(r->e, "BiasAdd"), NULL,
                               NULL);
    char what[96];
    if (r->failed || !same_dtype(r, "BiasAdd", "value", v, "bias", b))
        return NULL;
    const sc_shape *sv = shp(v), *sb = shp(b);
    if (sv->rank == SC_TOP_RANK || sb->rank == SC_TOP_RANK)
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "BiasAdd: ranks unknown");
    if (sv->rank >= 0 && sv->rank < 2) {
        snprintf(what, sizeof what, VS_MSG_MIN_RANK, 2, sv->rank);
        shape_error(r, YES, what, op, "BiasAdd", v, b);
        return NULL;
    }
    if (sb->rank >= 0 && sb->rank != 1) {
        snprintf(what, sizeof what, VS_MSG_RANK, 1, sb->rank);
        shape_error(r, YES, what, op, "BiasAdd", v, b);
        return NULL;
    }
    sc_shape out = *sv;
    int64_t dv = sv->rank > 0 ? sv->dims[sv->rank - 1] : -1;
    int64_t db = sb->rank == 1 ? sb->dims[0] : -1;
    int c = dim_top(dv) || dim_top(db) ? (dv == -1 || db == -1 ? NO : MAYBE)
            : dv >= 0 && db >= 0 && dv != db;
    snprintf(what, sizeof what, VS_MSG_DIMS_EQUAL, (long long)dv,
             (long long)db);
    if (shape_error(r, c, what, op, "BiasAdd", v, b))
        return NULL;
    if (out.rank > 0 && (dv == -1 || dim_top(dv)) && db != -1)
        out.dims[out.rank - 1] = dim_top(dv) && dim_top(db) ? dim_join(dv, db)
                                 : dim_top(dv) && c == NO ? dv
                                                          : db;
    const sc_tensor *in[2] = {v, b};
    return output(r, op, v ? v->dtype : SC_DT_TOP, &out, in, 2);
}

/* Relu, Sigmoid, Tanh, Square: the allowed dtypes of attr T */
sc_tensor *m_unary(mrun *r, const char *type, const sc_tensor *x,
                   const char *name)
{
    const char *op = m_op_name(r, r->g->ns, name ? name : sc_istr(r->e, type),
                               NULL, NULL);
    if (r->failed)
        return NULL;
    bool float_only = strcmp(type, "Sigmoid") == 0 || strcmp(type, "Tanh") == 0;
    int dt = x ? x->dtype : SC_DT_TOP;
    int bad = dt == SC_DT_TOP ? MAYBE
              : (float_only && !vs__dtype_floating((vs_dtype)dt)) || dt == VS_BOOL;
    if (m_check(r, bad, VS_ERR_INVALID_ARGUMENT,
                "Value passed to parameter 'x' has DataType %s not in list of "
                "allowed values: %s",
                m_dtype_name(dt),
                float_only ? "bfloat16, float16, float32, float64, complex64, "
                             "complex128"
                           : "bfloat16, float16, float32, float64, int32, "
                             "int64, int8, int16, uint8"))
        return NULL;
    const sc_tensor *in[1] = {x};
    return output(r, op, dt, shp(x), in, 1);
}

/* tf.reduce_mean(x): the reduction indices are a constant made in the
 * current name scope first (Const), then the Mean op. */
static sc_tensor *reduce_mean(mrun *r, const sc_tensor *x, const char *name)
{
    sc_engine *e = r->e;
    const char *scope = r->g->ns;
    const sc_shape *s = shp(x);
    if (s->rank == SC_TOP_RANK) {
        /* either Const or Rank and range: nobody knows which names */
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        scope ? scope : sc_istr(e, ""));
    } else if (s->rank >= 0) {
        const char *c = m_unique_name(r, scope, sc_istr(e, "Const"), NULL, NULL);
        if (c)
            M_SET(r, r->g->nodes, c, (const void *)1);
    } else {
        m_op_name(r, scope, sc_istr(e, "Rank"), NULL, NULL);
        if (r->failed)
            return NULL;
        m_unique_name(r, scope, sc_istr(e, "range"), NULL, NULL);
    }
    const char *op = m_op_name(r, scope, name ? name : sc_istr(e, "Mean"),
                               NULL, NULL);
    int dt = x ? x->dtype : SC_DT_TOP;
    if (r->failed ||
        m_check(r, dt == SC_DT_TOP ? MAYBE : dt == VS_BOOL,
                VS_ERR_INVALID_ARGUMENT,
                "Value passed to parameter 'input' has DataType bool not in "
                "list of allowed values"))
        return NULL;
    sc_shape scalar = {0, {0}};
    const sc_tensor *in[1] = {x};
    return output(r, op, dt, &scalar, in, 1);
}

/* the activation functions layers apply, in the current name scope */
const sc_tensor *m_activate(mrun *r, const sc_tensor *t, int activation)
{
    switch (activation) {
    case VS_ACT_RELU: return m_unary(r, "Relu", t, NULL);
    case VS_ACT_SIGMOID: return m_unary(r, "Sigmoid", t, NULL);
    case VS_ACT_TANH: return m_unary(r, "Tanh", t, NULL);
    case -1:
        /* unknown: one of them, or none: the names nobody knows */
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "activation unknown");
        r->g->names_unknown = plist_add(r->e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(r->e, ""));
        return t;
    default: return t;
    }
}

/* ---- the public calls ---- */

/* .name of an op's options: the default type, the name, or NULL with
 * *unknown set */
static const char *op_opt_name(mrun *r, const av *opts, const char *dflt,
                               bool *unknown)
{
    int isnull;
    const char *s = m_str(r, m_field(r, opts, "name"), &isnull);
    *unknown = false;
    if (isnull == YES)
        return sc_istr(r->e, dflt);
    if (!s)
        *unknown = true;
    return s;
}

/* the library's check of a shape argument's rank and dims */
static const char *shape_problem_msg(const sc_shape *s)
{
    if (s->rank < 0 || s->rank > SC_MAX_RANK)
        return "rank must be between 0 and 8";
    return "dimensions must be >= 0, or -1 for unknown";
}

static const av *constant(mrun *r, const av *g, int dtype, bool shape_null,
                          const sc_shape *shape, bool shape_unknown,
                          int data_null, const av *opts)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, g))
        return r->failed ? NULL
                         : av_tensor(e, m_new_tensor(r, NULL, dtype, shape), true);
    if (m_check(r, m_dtype_invalid(dtype), VS_ERR_INVALID_ARGUMENT,
                VS_MSG_DTYPE_INVALID) ||
        m_check(r, shape_null, VS_ERR_INVALID_ARGUMENT, VS_MSG_CONSTANT_NO_SHAPE))
        return NULL;
    int problem = shape_unknown ? MAYBE : m_shape_problem(shape);
    if (m_check(r, problem, VS_ERR_INVALID_ARGUMENT, "%s",
                shape_problem_msg(shape)) ||
        m_check(r, shape_unknown ? MAYBE : m_undefined(shape),
                VS_ERR_INVALID_ARGUMENT,
                "a constant's shape must be fully defined") ||
        m_check(r, data_null, VS_ERR_INVALID_ARGUMENT, VS_MSG_CONSTANT_DATA_NULL))
        return NULL;
    bool unknown;
    const char *name = op_opt_name(r, opts, "Const", &unknown);
    const char *op = NULL;
    if (name && !name[0]) {
        m_check(r, YES, VS_ERR_INVALID_NAME, VS_MSG_EMPTY_OP_NAME);
        return NULL;
    }
    if (name && name[strlen(name) - 1] == '/') {
        op = m_op_name(r, r->g->ns, name, NULL, NULL);
    } else {
        /* tf.constant: create_op directly, only the node pattern applies */
        op = m_unique_name(r, r->g->ns, name, NULL, NULL);
        const void *node = op ? pm_get(r->g->nodes, op, sc_strhash(op)) : NULL;
        if (m_check(r, node == (const void *)1 ? YES : node ? MAYBE : NO,
                    VS_ERR_INVALID_NAME, VS_MSG_DUPLICATE_NODE, shown(op)))
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
    r->created = !unknown && m_null_tri(m_field(r, opts, "name")) == NO;
    return av_tensor(e, m_new_tensor(r, op, m_dtype_or_float(dtype), shape),
                     false);
}

static const av *op_constant(mrun *r, const av **a)
{
    bool unknown = true;
    int shape_null = m_null_tri(a[2]);
    sc_shape sh = m_unknown_shape;
    if (shape_null != YES)
        sh = m_shape_of(r, m_deref(r, a[2]), &unknown);
    /* data may be NULL only for a shape with no elements */
    int64_t elems = 1;
    bool elems_known = !unknown && sh.rank >= 0 && sh.rank <= SC_MAX_RANK;
    for (int i = 0; elems_known && i < sh.rank; i++)
        if (dim_top(sh.dims[i]))
            elems_known = false;
        else
            elems *= sh.dims[i] > 0 ? sh.dims[i] : 0;
    int data_null = m_null_tri(a[3]);
    if (data_null != NO && elems == 0 && elems_known)
        data_null = NO;
    else if (data_null == YES && !elems_known)
        data_null = MAYBE;
    return constant(r, m_graph_arg(r, a), m_dtype_of(a[1]), shape_null, &sh,
                    unknown, data_null, m_options_arg(r, a));
}

static const av *scalar(mrun *r, const av **a, int dtype)
{
    sc_shape sh = {0, {0}};
    return constant(r, m_graph_arg(r, a), dtype, NO, &sh, false, NO,
                    m_options_arg(r, a));
}

static const av *vector(mrun *r, const av **a, int dtype)
{
    bool known;
    int64_t len = m_int(a[1], &known);
    sc_shape sh = {1, {known ? len : SC_DIM_DEFINED}};
    int data_null = m_null_tri(a[2]);
    if (data_null != NO && known && len == 0)
        data_null = NO;
    else if (data_null != NO && !known)
        data_null = MAYBE;
    return constant(r, m_graph_arg(r, a), dtype, NO, &sh, false, data_null,
                    m_options_arg(r, a));
}

static const av *op_placeholder(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    int dtype = m_dtype_of(a[1]);
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL
                         : av_tensor(e, m_new_tensor(r, NULL, dtype,
                                                     &m_unknown_shape),
                                     true);
    bool unknown = false;
    sc_shape sh = {-1, {0}};
    int shape_null = m_null_tri(a[2]);
    if (shape_null == NO)
        sh = m_shape_of(r, m_deref(r, a[2]), &unknown);
    else if (shape_null == MAYBE)
        unknown = true;
    if (unknown)
        sh = m_unknown_shape;
    int bad_shape = unknown || shape_null == YES ? (unknown ? MAYBE : NO)
                                                 : m_shape_problem(&sh);
    if (m_check(r, m_dtype_invalid(dtype), VS_ERR_INVALID_ARGUMENT,
                VS_MSG_DTYPE_INVALID) ||
        m_check(r, bad_shape, VS_ERR_INVALID_ARGUMENT, "%s",
                shape_problem_msg(&sh)))
        return NULL;
    bool unk;
    const av *opts = m_options_arg(r, a);
    const char *name = op_opt_name(r, opts, "Placeholder", &unk);
    const char *op = m_op_name(r, r->g->ns, name, NULL, NULL);
    if (r->failed)
        return NULL;
    r->created = m_null_tri(m_field(r, opts, "name")) == NO;
    return av_tensor(e, m_new_tensor(r, op, m_dtype_or_float(dtype), &sh),
                     false);
}

/* Add, Sub, Mul, MatMul, BiasAdd */
static const av *binary(mrun *r, const av **a, const char *type)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL
                         : av_tensor(e, m_new_tensor(r, NULL, SC_DT_TOP,
                                                     &m_unknown_shape),
                                     true);
    int na = m_null_tri(a[1]), nb = m_null_tri(a[2]);
    m_why_null(r, na == YES ? a[1] : a[2]);
    bool bias = type[0] == 'B';
    if (m_check(r, na == YES || nb == YES ? YES : (na || nb) ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT, VS_MSG_INPUT_NULL, type,
                na == YES ? (bias ? "value" : "a") : (bias ? "bias" : "b")))
        return NULL;
    bool unk;
    const av *opts = m_options_arg(r, a);
    const char *name = op_opt_name(r, opts, type, &unk);
    if (unk)
        name = NULL;              /* m_op_name takes NULL as unknown */
    const sc_tensor *ta = m_tensor(a[1]), *tb = m_tensor(a[2]);
    sc_tensor *t;
    if (strcmp(type, "MatMul") == 0)
        t = unk ? NULL : m_matmul(r, ta, tb, name);
    else if (bias)
        t = unk ? NULL : m_bias_add(r, ta, tb, name);
    else
        t = unk ? NULL : m_elementwise(r, type, ta, tb, name);
    if (unk) {
        m_op_name(r, r->g->ns, NULL, NULL, NULL);
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "inputs");
        t = r->failed ? NULL : m_new_tensor(r, NULL, SC_DT_TOP, &m_unknown_shape);
        if (t)
            t->deps_top = true;
    }
    if (!t)
        return NULL;
    r->created = m_null_tri(m_field(r, opts, "name")) == NO;
    return av_tensor(e, t, false);
}

static const av *unary(mrun *r, const av **a, const char *type)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL
                         : av_tensor(e, m_new_tensor(r, NULL, SC_DT_TOP,
                                                     &m_unknown_shape),
                                     true);
    m_why_null(r, a[1]);
    if (m_check(r, m_null_tri(a[1]), VS_ERR_INVALID_ARGUMENT,
                "%s: input is NULL", type))
        return NULL;
    bool unk;
    const av *opts = m_options_arg(r, a);
    const char *name = op_opt_name(r, opts, type, &unk);
    sc_tensor *t;
    if (unk) {
        m_op_name(r, r->g->ns, NULL, NULL, NULL);
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "input");
        if (r->failed)
            return NULL;
        t = m_new_tensor(r, NULL, SC_DT_TOP, &m_unknown_shape);
        t->deps_top = true;
    } else if (strcmp(type, "Mean") == 0) {
        t = reduce_mean(r, m_tensor(a[1]), m_null_tri(m_field(r, opts, "name"))
                                                   == YES ? NULL : name);
    } else {
        t = m_unary(r, type, m_tensor(a[1]), name);
    }
    if (!t)
        return NULL;
    r->created = m_null_tri(m_field(r, opts, "name")) == NO;
    return av_tensor(e, t, false);
}

const av *m_op_call(mrun *r, const av **a)
{
    switch (vs__fn_id(r->fn)) {
    case VS_FN_vs_constant: return op_constant(r, a);
    case VS_FN_vs_scalar_i32: return scalar(r, a, VS_INT32);
    case VS_FN_vs_scalar_f32: return scalar(r, a, VS_FLOAT32);
    case VS_FN_vs_constant_i32: return vector(r, a, VS_INT32);
    case VS_FN_vs_constant_f32: return vector(r, a, VS_FLOAT32);
    case VS_FN_vs_placeholder: return op_placeholder(r, a);
    case VS_FN_vs_add: return binary(r, a, "Add");
    case VS_FN_vs_matmul: return binary(r, a, "MatMul");
    case VS_FN_vs_subtract: return binary(r, a, "Sub");
    case VS_FN_vs_multiply: return binary(r, a, "Mul");
    case VS_FN_vs_bias_add: return binary(r, a, "BiasAdd");
    case VS_FN_vs_relu: return unary(r, a, "Relu");
    case VS_FN_vs_sigmoid: return unary(r, a, "Sigmoid");
    case VS_FN_vs_tanh: return unary(r, a, "Tanh");
    case VS_FN_vs_square: return unary(r, a, "Square");
    case VS_FN_vs_reduce_mean: return unary(r, a, "Mean");
    default: return av_top();
    }
}
