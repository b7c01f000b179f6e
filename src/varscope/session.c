/* tf.Session for float32 graphs (client/session.py's run, and the CPU
 * kernels of the ops it computes).
 *
 * sess.run(init) gives every variable of the initializer its initial value
 * (initializers in random.c; a value initializer is computed); sess.run(t,
 * feed_dict) computes t from constants, fed placeholders and initialized
 * variables.  Ops the session does not compute (an RNN's loop, dropout in
 * training, a train op) are refused with invalid-argument.  The session
 * changes no graph state; a failing run leaves the session as it was. */
#include <math.h>      /* NAN only */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "internal.h"

void vs__session_free(vs_session *s)
{
    for (size_t i = 0; i < s->values.len; i++) {
        vs_varval *v = s->values.items[i];
        vs__free(v->data);
        vs__free(v);
    }
    vs__free(s->values.items);
    vs__free(s->result_data);
}

vs_session *vs_session_new_at(vs_graph *g, const char *file, int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    vs__begin(g);
    vs_session *s = vs__new_object(g, VS_LIST_SESSIONS, sizeof *s);
    if (s)
        s->graph = g;
    return vs__end_call(g, s, file, line);
}

static vs_varval *find_value(const vs_session *s, const vs_var *v)
{
    for (size_t i = 0; i < s->values.len; i++) {
        vs_varval *x = s->values.items[i];
        if (x->var == v)
            return x;
    }
    return NULL;
}

/* ---- one run: values computed on the way, freed at its end ---- */

typedef struct run {
    vs_session *s;
    vs_graph *g;
    const vs_run_opts *o;
    unsigned long gen;
    vs_ptrvec computed;         /* vs_tensor * whose value this run set */
    vs_ptrvec fresh;            /* vs_varval *: initializer run */
} run;

static void *fail(run *r, const char *fmt, const char *a, const char *b)
{
    return vs__fail(r->g, VS_ERR_INVALID_ARGUMENT, fmt, a, b);
}

static float *alloc_floats(run *r, size_t n)
{
    float *p = vs__malloc((n ? n : 1) * sizeof *p);
    return p ? p : vs__oom(r->g);
}

static int set_value(run *r, vs_tensor *t, float *data, const vs_shape *sh)
{
    if (r->computed.len == r->computed.cap) {
        size_t cap = r->computed.cap ? 2 * r->computed.cap : 32;
        void **items = vs__realloc(r->computed.items, cap * sizeof *items);
        if (!items) {
            vs__free(data);
            vs__oom(r->g);
            return -1;
        }
        r->computed.items = items;
        r->computed.cap = cap;
    }
    r->computed.items[r->computed.len++] = t;
    t->value = data;
    t->vshape = *sh;
    t->mark = r->gen;
    return 0;
}

static void end_run(run *r)
{
    for (size_t i = 0; i < r->computed.len; i++) {
        vs_tensor *t = r->computed.items[i];
        vs__free(t->value);
        t->value = NULL;
        t->mark = 0;
    }
    vs__free(r->computed.items);
}

/* numpy broadcasting of actual shapes */
static bool bshape(const vs_shape *a, const vs_shape *b, vs_shape *out)
{
    int n = a->rank > b->rank ? a->rank : b->rank;
    out->rank = n;
    for (int i = 0; i < n; i++) {
        int ia = a->rank - n + i, ib = b->rank - n + i;
        int64_t da = ia >= 0 ? a->dims[ia] : 1, db = ib >= 0 ? b->dims[ib] : 1;
        if (da != db && da != 1 && db != 1)
            return false;
        out->dims[i] = da == 1 ? db : da;
    }
    return true;
}

/* the offset in x (shape xs) of the element at out index idx (shape os) */
static size_t bindex(size_t idx, const vs_shape *os, const vs_shape *xs)
{
    size_t off = 0, stride = 1;
    for (int i = os->rank - 1; i >= 0; i--) {
        size_t coord = idx % (size_t)os->dims[i];
        idx /= (size_t)os->dims[i];
        int ix = xs->rank - os->rank + i;
        if (ix >= 0) {
            if (xs->dims[ix] != 1)
                off += coord * stride;
            stride *= (size_t)xs->dims[ix];
        }
    }
    return off;
}

static float *eval(run *r, vs_tensor *t, vs_shape *sh);

static float act(vs_opkind k, float x)
{
    switch (k) {
    case VS_OP_RELU: return x > 0 ? x : 0;
    case VS_OP_SIGMOID: return (float)(1.0 / (1.0 + vs__exp(-(double)x)));
    case VS_OP_TANH: return (float)vs__tanh(x);
    case VS_OP_SQUARE: return x * x;
    default: return x;
    }
}

/* SAME padding as TF computes it: total = max((out - 1) * s + k - in, 0),
 * before = total / 2 */
static int64_t pad_before(const vs_tensor *t, int i, int64_t in, int k,
                          int64_t out)
{
    if (t->padding != VS_SAME)
        return 0;
    int64_t total = (out - 1) * t->strides[i] + k - in;
    return total > 0 ? total / 2 : 0;
}

static float *compute(run *r, vs_tensor *t, vs_shape *sh)
{
    vs_shape a, b;
    float *x, *y, *out;
    size_t n;
    char s1[256];
    switch (t->op) {
    case VS_OP_CONST: {
        *sh = t->shape;
        n = vs__shape_elements(sh);
        if (!(out = alloc_floats(r, n)))
            return NULL;
        if (t->data)
            memcpy(out, t->data, n * sizeof *out);
        return out;
    }
    case VS_OP_PLACEHOLDER:
        return vs__fail(r->g, VS_ERR_INVALID_ARGUMENT,
                        "You must feed a value for placeholder tensor '%.*s' "
                        "with dtype float and shape %s",
                        (int)strlen(t->name) - 2, t->name,
                        vs__shape_dims(&t->shape, s1, sizeof s1));
    case VS_OP_READ: {
        const vs_varval *v = NULL;
        for (size_t i = 0; i < r->fresh.len && !v; i++)
            if (((vs_varval *)r->fresh.items[i])->var == t->var)
                v = r->fresh.items[i];
        if (!v)
            v = find_value(r->s, t->var);
        if (!v) {
            char node[512];
            snprintf(node, sizeof node, "%.*s", (int)strlen(t->name) - 2,
                     t->name);
            return vs__fail(r->g, VS_ERR_INVALID_ARGUMENT,
                            "Attempting to use uninitialized value %.*s "
                            "[[{{node %s}}]]",
                            (int)strlen(t->var->name) - 2, t->var->name, node);
        }
        *sh = t->var->shape;
        n = v->size;
        if (!(out = alloc_floats(r, n)))
            return NULL;
        memcpy(out, v->data, n * sizeof *out);
        return out;
    }
    case VS_OP_ADD: case VS_OP_SUB: case VS_OP_MUL:
        if (!(x = eval(r, t->in[0], &a)) || !(y = eval(r, t->in[1], &b)))
            return NULL;
        if (!bshape(&a, &b, sh))
            return fail(r, "Incompatible shapes at run time for %s%s", t->name,
                        "");
        n = vs__shape_elements(sh);
        if (!(out = alloc_floats(r, n)))
            return NULL;
        for (size_t i = 0; i < n; i++) {
            float u = x[bindex(i, sh, &a)], v = y[bindex(i, sh, &b)];
            out[i] = t->op == VS_OP_ADD ? u + v : t->op == VS_OP_SUB ? u - v
                                                                     : u * v;
        }
        return out;
    case VS_OP_MATMUL: {
        if (!(x = eval(r, t->in[0], &a)) || !(y = eval(r, t->in[1], &b)))
            return NULL;
        int64_t k = a.dims[a.rank - 1], m = (int64_t)vs__shape_elements(&a) / k,
                cols = b.dims[1];
        if (b.dims[0] != k)
            return fail(r, "Matrix size-incompatible at run time for %s%s",
                        t->name, "");
        *sh = a;
        sh->dims[sh->rank - 1] = cols;
        if (!(out = alloc_floats(r, (size_t)(m * cols))))
            return NULL;
        for (int64_t i = 0; i < m; i++)
            for (int64_t j = 0; j < cols; j++) {
                float acc = 0;
                for (int64_t p = 0; p < k; p++)
                    acc += x[i * k + p] * y[p * cols + j];
                out[i * cols + j] = acc;
            }
        return out;
    }
    case VS_OP_BIAS_ADD: {
        if (!(x = eval(r, t->in[0], &a)) || !(y = eval(r, t->in[1], &b)))
            return NULL;
        int64_t c = a.dims[a.rank - 1];
        if (b.dims[0] != c)
            return fail(r, "Bias size-incompatible at run time for %s%s",
                        t->name, "");
        *sh = a;
        n = vs__shape_elements(&a);
        if (!(out = alloc_floats(r, n)))
            return NULL;
        for (size_t i = 0; i < n; i++)
            out[i] = x[i] + y[i % (size_t)c];
        return out;
    }
    case VS_OP_RELU: case VS_OP_SIGMOID: case VS_OP_TANH: case VS_OP_SQUARE:
    case VS_OP_IDENTITY: case VS_OP_RESHAPE:
        if (!(x = eval(r, t->in[0], &a)))
            return NULL;
        n = vs__shape_elements(&a);
        *sh = a;
        if (t->op == VS_OP_RESHAPE) {   /* to the static shape, one -1 */
            *sh = t->shape;
            size_t known = 1;
            int unknown = -1;
            for (int i = 0; i < sh->rank; i++)
                if (sh->dims[i] < 0)
                    unknown = i;
                else
                    known *= (size_t)sh->dims[i];
            if (unknown >= 0)
                sh->dims[unknown] = known ? (int64_t)(n / known) : 0;
        }
        if (!(out = alloc_floats(r, n)))
            return NULL;
        for (size_t i = 0; i < n; i++)
            out[i] = act(t->op, x[i]);
        return out;
    case VS_OP_MEAN: {
        if (!(x = eval(r, t->in[0], &a)))
            return NULL;
        n = vs__shape_elements(&a);
        double acc = 0;
        for (size_t i = 0; i < n; i++)
            acc += x[i];
        *sh = (vs_shape){.rank = 0};
        if (!(out = alloc_floats(r, 1)))
            return NULL;
        out[0] = n ? (float)(acc / (double)n) : NAN;
        return out;
    }
    case VS_OP_CONV2D: case VS_OP_MAXPOOL: {
        if (!(x = eval(r, t->in[0], &a)))
            return NULL;
        y = NULL;
        int kh = t->ksize[0], kw = t->ksize[1];
        int64_t cin = a.dims[3], cout = cin;
        if (t->op == VS_OP_CONV2D) {
            if (!(y = eval(r, t->in[1], &b)))
                return NULL;
            kh = (int)b.dims[0];
            kw = (int)b.dims[1];
            cout = b.dims[3];
        }
        int64_t bn = a.dims[0], ih = a.dims[1], iw = a.dims[2];
        int64_t oh = t->padding == VS_SAME
                         ? (ih + t->strides[0] - 1) / t->strides[0]
                         : (ih - kh + t->strides[0]) / t->strides[0];
        int64_t ow = t->padding == VS_SAME
                         ? (iw + t->strides[1] - 1) / t->strides[1]
                         : (iw - kw + t->strides[1]) / t->strides[1];
        int64_t ph = pad_before(t, 0, ih, kh, oh), pw = pad_before(t, 1, iw, kw, ow);
        *sh = (vs_shape){4, {bn, oh, ow, cout}};
        if (!(out = alloc_floats(r, vs__shape_elements(sh))))
            return NULL;
        for (int64_t bi = 0; bi < bn; bi++)
            for (int64_t oy = 0; oy < oh; oy++)
                for (int64_t ox = 0; ox < ow; ox++)
                    for (int64_t co = 0; co < cout; co++) {
                        float acc = t->op == VS_OP_MAXPOOL ? -3.4e38f : 0;
                        for (int ky = 0; ky < kh; ky++)
                            for (int kx = 0; kx < kw; kx++) {
                                int64_t yy = oy * t->strides[0] + ky - ph;
                                int64_t xx = ox * t->strides[1] + kx - pw;
                                if (yy < 0 || yy >= ih || xx < 0 || xx >= iw)
                                    continue;
                                const float *px =
                                    x + ((bi * ih + yy) * iw + xx) * cin;
                                if (t->op == VS_OP_MAXPOOL) {
                                    if (px[co] > acc)
                                        acc = px[co];
                                    continue;
                                }
                                const float *pk =
                                    y + ((int64_t)(ky * kw + kx) * cin) * cout;
                                for (int64_t ci = 0; ci < cin; ci++)
                                    acc += px[ci] * pk[ci * cout + co];
                            }
                        out[((bi * oh + oy) * ow + ox) * cout + co] = acc;
                    }
        return out;
    }
    case VS_OP_BATCH_NORM: {
        /* inputs: x, gamma (or NULL), beta (or NULL), mean, variance */
        vs_shape ps;
        float *p[5] = {0};
        if (!(p[0] = eval(r, t->in[0], &a)))
            return NULL;
        for (int i = 1; i < 5; i++)
            if (t->in[i] && !(p[i] = eval(r, t->in[i], &ps)))
                return NULL;
        *sh = a;
        n = vs__shape_elements(&a);
        if (!(out = alloc_floats(r, n)))
            return NULL;
        size_t inner = 1;
        for (int i = t->axis + 1; i < a.rank; i++)
            inner *= (size_t)a.dims[i];
        size_t c = (size_t)a.dims[t->axis];
        double eps = t->eps;
        if (a.rank == 4 && eps < 1.001e-5)   /* the fused kernel's minimum */
            eps = 1.001e-5;
        for (size_t i = 0; i < n; i++) {
            size_t ch = (i / inner) % c;
            double inv = 1.0 / vs__sqrt(p[4][ch] + eps);
            if (p[1])
                inv *= p[1][ch];
            out[i] = (float)(p[0][i] * inv +
                             ((p[2] ? p[2][ch] : 0) - p[3][ch] * inv));
        }
        return out;
    }
    default:
        return fail(r, "vs_session_run cannot compute %s: the session runs "
                       "float32 constants, placeholders, variables, math ops "
                       "and the dense, conv2d, pooling, flatten and batch "
                       "normalization (inference) layers%s",
                    t->name, "");
    }
}

static float *eval(run *r, vs_tensor *t, vs_shape *sh)
{
    if (t->mark == r->gen && t->value) {
        *sh = t->vshape;
        return t->value;
    }
    if (vs__dtype_or_float(t->dtype) != VS_FLOAT32)
        return fail(r, "vs_session_run computes float32 tensors only: %s is "
                       "%s", t->name, vs_dtype_name(t->dtype));
    float *v = compute(r, t, sh);
    if (!v || set_value(r, t, v, sh) < 0)
        return NULL;
    return v;
}

static int feed(run *r)
{
    char s1[256], s2[256];
    for (size_t i = 0; i < r->o->nfeeds; i++) {
        const vs_feed *f = &r->o->feeds[i];
        if (!f->tensor || !f->shape || (!f->data && vs__shape_elements(f->shape)))
            return fail(r, "feed %s: tensor, shape and data are needed%s",
                        f->tensor ? f->tensor->name : "?", ""),
                   -1;
        if (vs__shape_problem(f->shape) || !vs__shape_fully_defined(f->shape))
            return fail(r, "feed %s: the value's shape must be fully defined%s",
                        f->tensor->name, ""),
                   -1;
        if (!vs__shape_compatible(f->shape, &f->tensor->shape)) {
            vs__fail(r->g, VS_ERR_INVALID_ARGUMENT,
                     "Cannot feed value of shape %s for Tensor '%s', which has "
                     "shape '%s'",
                     vs__shape_str(f->shape, s1, sizeof s1), f->tensor->name,
                     vs__shape_str(&f->tensor->shape, s2, sizeof s2));
            return -1;
        }
        if (vs__dtype_or_float(f->tensor->dtype) != VS_FLOAT32)
            return fail(r, "feed %s: the session feeds float32 values; the "
                           "tensor is %s",
                        f->tensor->name, vs_dtype_name(f->tensor->dtype)),
                   -1;
        size_t n = vs__shape_elements(f->shape);
        float *copy = alloc_floats(r, n);
        if (!copy)
            return -1;
        memcpy(copy, f->data, n * sizeof *copy);
        if (set_value(r, f->tensor, copy, f->shape) < 0)
            return -1;
    }
    return 0;
}

const vs_ndarray *vs_session_run_at(vs_session *s, vs_tensor *fetch,
                                    const vs_run_opts *opts, const char *file,
                                    int line)
{
    static const vs_run_opts none;
    VS_CHECK_GRAPH(s ? s->graph : NULL, file, line, NULL);
    vs_graph *g = s->graph;
    if (!opts)
        opts = &none;
    vs__begin(g);
    run r = {.s = s, .g = g, .o = opts, .gen = ++g->mark_gen};
    vs_shape sh;
    float *v = NULL, *copy = NULL;
    if (!fetch)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "session run: fetch is NULL");
    else if (opts->nfeeds && !opts->feeds)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "session run: feeds is NULL");
    else if (feed(&r) == 0 && (v = eval(&r, fetch, &sh))) {
        size_t n = vs__shape_elements(&sh);
        if ((copy = alloc_floats(&r, n)))
            memcpy(copy, v, n * sizeof *copy);
    }
    end_run(&r);
    if (!copy)
        return vs__fail_call(g, file, line);
    vs__free(s->result_data);
    s->result_data = copy;
    s->result.shape = sh;
    s->result.size = vs__shape_elements(&sh);
    s->result.data = copy;
    s->runs++;
    vs__commit(g);
    return &s->result;
}

/* ---- the initializer ---- */

static void free_fresh(run *r)
{
    for (size_t i = 0; i < r->fresh.len; i++) {
        vs_varval *v = r->fresh.items[i];
        vs__free(v->data);
        vs__free(v);
    }
    vs__free(r->fresh.items);
}

/* The initial value of v into a new vs_varval (float32 only: others are
 * initialized without numbers the session could compute with). */
static vs_varval *initial(run *r, const vs_var *v, uint64_t fresh)
{
    const vs_varval *old = find_value(r->s, v);
    unsigned draws = old ? old->draws + 1 : 0;
    vs_varval *val = vs__malloc(sizeof *val);
    if (!val)
        return vs__oom(r->g);
    memset(val, 0, sizeof *val);
    val->var = v;
    val->draws = draws;
    if (v->dtype != VS_FLOAT32)
        return val;
    size_t n = vs__shape_elements(&v->shape);
    val->size = n;
    val->data = alloc_floats(r, n);
    double *d = vs__malloc((n ? n : 1) * sizeof *d);
    const char *why = NULL;
    if (!val->data || !d) {
        if (!d)
            vs__oom(r->g);
    } else if (v->init.kind == VS_INIT_VALUE) {
        vs_shape sh;
        float *x = eval(r, v->init.value, &sh);
        if (x) {
            memcpy(val->data, x, n * sizeof *x);
            vs__free(d);
            return val;
        }
    } else if (vs__init_values(v, d, n, fresh, draws, &why) == 0) {
        for (size_t i = 0; i < n; i++)
            val->data[i] = (float)d[i];
        vs__free(d);
        return val;
    } else {
        vs__fail(r->g, VS_ERR_INVALID_ARGUMENT, "%s", why);
    }
    vs__free(d);
    vs__free(val->data);
    vs__free(val);
    return NULL;
}

const vs_op *vs_session_run_op_at(vs_session *s, const vs_op *op,
                                  const char *file, int line)
{
    VS_CHECK_GRAPH(s ? s->graph : NULL, file, line, NULL);
    vs_graph *g = s->graph;
    vs__begin(g);
    run r = {.s = s, .g = g, .gen = ++g->mark_gen};
    static const vs_run_opts none;
    r.o = &none;
    bool ok = false;
    if (!op) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "session run: op is NULL");
    } else if (op->type != VS_OPT_INIT) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "session run: running '%s' is not supported: the session "
                 "computes forward float32 graphs and initializers",
                 op->name);
    } else {
        uint64_t seed = (uint64_t)time(NULL) ^ (uint64_t)(uintptr_t)s ^
                        (s->runs + 1) * 0x9e3779b97f4a7c15ull;
        ok = true;
        for (size_t i = 0; ok && i < op->vars->len; i++) {
            vs_varval *v = initial(&r, op->vars->vars[i], seed + i);
            void **items = v && r.fresh.len == r.fresh.cap
                               ? vs__realloc(r.fresh.items,
                                             (r.fresh.cap * 2 + 8) *
                                                 sizeof *items)
                               : r.fresh.items;
            if (!v || !items) {
                if (v && !items) {
                    vs__free(v->data);
                    vs__free(v);
                    vs__oom(g);
                }
                ok = false;
                break;
            }
            if (r.fresh.items != items) {
                r.fresh.items = items;
                r.fresh.cap = r.fresh.cap * 2 + 8;
            }
            r.fresh.items[r.fresh.len++] = v;
        }
        /* room for the new values in the session before anything changes */
        size_t need = s->values.len + r.fresh.len;
        if (ok && need > s->values.cap) {
            void **items = vs__realloc(s->values.items, need * sizeof *items);
            if (!items) {
                vs__oom(g);
                ok = false;
            } else {
                s->values.items = items;
                s->values.cap = need;
            }
        }
    }
    end_run(&r);
    if (!ok) {
        free_fresh(&r);
        return vs__fail_call(g, file, line);
    }
    for (size_t i = 0; i < r.fresh.len; i++) {  /* replace or add */
        vs_varval *nv = r.fresh.items[i], *old = find_value(s, nv->var);
        if (old) {
            vs__free(old->data);
            *old = *nv;
            vs__free(nv);
        } else {
            s->values.items[s->values.len++] = nv;
        }
    }
    vs__free(r.fresh.items);
    s->runs++;
    vs__commit(g);
    return op;
}

/* ---- numpy's repr ---- */

/* The fewest fraction digits that give f back (positional form). */
static int frac_digits(float f)
{
    char buf[64];
    for (int d = 0; d < 12; d++) {
        snprintf(buf, sizeof buf, "%.*f", d, (double)f);
        float back;
        if (sscanf(buf, "%f", &back) == 1 && back == f)
            return d;
    }
    return 12;
}

typedef struct fmt {
    int left, right;              /* integer and fraction widths */
} fmt;

static int put(char *buf, size_t n, size_t *used, const char *fmtstr, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int put(char *buf, size_t n, size_t *used, const char *fmtstr, ...)
{
    va_list ap;
    va_start(ap, fmtstr);
    int k = vsnprintf(buf + (*used < n ? *used : n), *used < n ? n - *used : 0,
                      fmtstr, ap);
    va_end(ap);
    if (k > 0)
        *used += (size_t)k;
    return k;
}

static void element(char *buf, size_t n, size_t *used, float f, fmt w)
{
    char num[64];
    int d = frac_digits(f);
    snprintf(num, sizeof num, "%.*f", d, (double)f);
    char *dot = strchr(num, '.');
    int intlen = dot ? (int)(dot - num) : (int)strlen(num);
    put(buf, n, used, "%*s%s%s%*s", w.left - intlen, "", num, dot ? "" : ".",
        w.right - d, "");
}

static void nest(char *buf, size_t n, size_t *used, const vs_ndarray *a,
                 int dim, size_t *k, fmt w, int indent)
{
    if (dim == a->shape.rank) {
        element(buf, n, used, a->data[(*k)++], w);
        return;
    }
    put(buf, n, used, "[");
    for (int64_t i = 0; i < a->shape.dims[dim]; i++) {
        if (i > 0)
            put(buf, n, used, dim == a->shape.rank - 1 ? ", " : ",\n%*s",
                dim == a->shape.rank - 1 ? 0 : indent + dim + 1, "");
        nest(buf, n, used, a, dim + 1, k, w, indent);
    }
    put(buf, n, used, "]");
}

int vs_ndarray_repr(const vs_ndarray *a, char *buf, size_t n)
{
    size_t used = 0;
    if (!a)
        return snprintf(buf, n, "None");
    fmt w = {1, 0};
    for (size_t i = 0; i < a->size; i++) {
        char num[64];
        int d = frac_digits(a->data[i]);
        snprintf(num, sizeof num, "%.*f", d, (double)a->data[i]);
        char *dot = strchr(num, '.');
        int intlen = dot ? (int)(dot - num) : (int)strlen(num);
        if (intlen > w.left)
            w.left = intlen;
        if (d > w.right)
            w.right = d;
    }
    put(buf, n, &used, "array(");
    size_t k = 0;
    nest(buf, n, &used, a, 0, &k, w, 6);
    put(buf, n, &used, ", dtype=float32)");
    if (n)
        buf[used < n ? used : n - 1] = '\0';
    return (int)used;
}
