/* tf.layers over abstract state: the base Layer (the library's layers.c)
 * and Dense, Conv2D, MaxPooling2D, Flatten, Dropout, BatchNormalization
 * (dense.c, conv.c, norm.c), as objects and as functions, and contrib's
 * fully_connected (contrib.c).  Each is the library's code on the
 * model's scope, get_variable and op operations: the names, shapes,
 * checks and their order are the library's (tf-semantics.md §6). */
#include <stdio.h>
#include <string.h>

#include "model_int.h"
#include "varscope.h"


/* dropout's rate as the library checks it (conv.c vs__dropout_call:
 * 0 <= rate < 1), SC_UNK when the engine does not know the double */
static int rate_ok(const av *rate)
{
    double d;
    if (!m_double(rate, &d))
        return SC_UNK;
    return d >= 0 && d < 1;
}

/* ---- the layer object ---- */

static const char *unique_layer_name(mrun *r, const char *base)
{
    sc_engine *e = r->e;
    base = sc_istr(e, base);
    const sc_name *n = pm_get(r->g->layer_uids, base, sc_strhash(base));
    if (n && n->count == SC_COUNT_TOP)
        return NULL;
    sc_name *c = sc_alloc(&e->arena, sizeof *c);
    c->count = (n ? n->count : 0) + 1;
    c->first = *r->site;
    M_SET(r, r->g->layer_uids, base, c);
    return sc_fmt(e, "%s_%lld", base, (long long)c->count);
}

sc_layer *m_layer_new(mrun *r, sc_layer_kind kind, const char *base,
                      const char *name, int name_null, int reuse,
                      int not_trainable)
{
    sc_layer *l = sc_alloc(&r->e->arena, sizeof *l);
    l->kind = kind;
    l->reuse = reuse;
    l->trainable = not_trainable == MAYBE ? SC_UNK : !not_trainable;
    l->spec_axis = -1;
    l->scope_known = true;
    l->dtype = SC_DT_TOP;
    l->built_axis = SC_TOP_DIM;
    l->kernel_name = sc_istr(r->e, "kernel");
    l->bias_name = sc_istr(r->e, "bias");
    l->rnncell_known = true;
    l->activation = VS_ACT_DEFAULT;
    if (name_null == NO) {
        l->name = l->base = name;      /* NULL: a name nobody knows */
    } else if (name_null == YES) {
        l->base = sc_istr(r->e, base);
        l->name = unique_layer_name(r, base);
    } else {
        /* the name given or not: either way, one of them */
        unique_layer_name(r, base);
        sc_name *c = sc_alloc(&r->e->arena, sizeof *c);
        c->count = SC_COUNT_TOP;
        const char *b = sc_istr(r->e, base);
        M_SET(r, r->g->layer_uids, b, c);
    }
    return l;
}

uint32_t m_layer_store(mrun *r, const sc_layer *l, uint32_t id)
{
    sc_obj *o = sc_alloc(&r->e->arena, sizeof *o);
    o->id = id ? id : m_new_obj_id(r);
    o->kind = SC_OBJ_LAYER;
    o->layer = *l;
    graph_put_obj(r->e, r->g, o);
    return o->id;
}

const sc_layer *m_layer_get(mrun *r, uint32_t id)
{
    const sc_obj *o = graph_obj(r->g, id);
    return o && o->kind == SC_OBJ_LAYER ? &o->layer : NULL;
}

static const sc_scope *layer_scope(mrun *r, const sc_layer *l)
{
    return l->scope_known ? graph_scope(r->g, l->scope) : NULL;
}

/* Layer.__init__ with _scope: `with vs.variable_scope(scope) as s` */
bool m_layer_capture_now(mrun *r, sc_layer *l)
{
    m_enter_req q = m_enter_name(l->base, VS_REUSE_INHERIT);
    if (!l->base)
        q.name_null = MAYBE;
    const sc_scope *s = m_enter(r, &q);
    if (!s || !m_exit(r))
        return false;
    l->scope = s->id;
    return true;
}

/* Layer._set_scope(None) */
static bool set_scope(mrun *r, sc_layer *l)
{
    if (!l->scope_known || l->scope)
        return true;
    m_enter_req q = l->reuse != VS_REUSE_INHERIT
                        ? m_enter_name(l->base, VS_REUSE_INHERIT)
                        : m_enter_default(l->base, VS_REUSE_INHERIT);
    if (l->reuse == -1) {
        q.name_null = MAYBE;
        q.name = NULL;
    }
    if (!l->base)
        q.name_null = q.name_null == YES ? YES : MAYBE;
    if (!l->base && q.name_null == YES)
        q.dflt_null = MAYBE;
    const sc_scope *s = m_enter(r, &q);
    if (!s || !m_exit(r))
        return false;
    l->scope = s->id;
    return true;
}

static int ftri(int f) { return f == SC_UNK ? MAYBE : f ? YES : NO; }

/* What keras's input_spec.assert_input_compatibility checks. */
static bool check_input(mrun *r, const sc_layer *l, const sc_tensor *x)
{
    sc_engine *e = r->e;
    int ndim = -1, min_ndim = -1;
    int built = ftri(l->built);
    bool has_axes = l->kind == SC_LAYER_DENSE || l->kind == SC_LAYER_CONV2D ||
                    l->kind == SC_LAYER_BATCH_NORM;
    switch (l->kind) {
    case SC_LAYER_DENSE: min_ndim = 2; break;
    case SC_LAYER_CONV2D: case SC_LAYER_MAX_POOLING2D: ndim = 4; break;
    case SC_LAYER_FLATTEN: min_ndim = 1; break;
    case SC_LAYER_BATCH_NORM:
        if (built != NO)
            ndim = built == YES ? l->built_rank : -100;
        break;
    default: break;
    }
    const sc_shape *s = x ? &x->shape : &m_unknown_shape;
    const char *name = shown(l->name);
    bool wants = ndim != -1 || min_ndim >= 0;
    if (wants &&
        m_check(r, s->rank == SC_TOP_RANK ? MAYBE : s->rank < 0 ? YES : NO,
                VS_ERR_UNDEFINED_SHAPE,
                "Input 0 of layer %s is incompatible with the layer: its "
                "rank is undefined, but the layer requires a defined rank.",
                name))
        return false;
    if (ndim != -1 && s->rank >= 0) {
        int bad = ndim == -100 ? MAYBE : s->rank != ndim;
        if (l->kind == SC_LAYER_BATCH_NORM && built == MAYBE && bad == MAYBE)
            bad = MAYBE;
        if (m_check(r, bad, VS_ERR_INVALID_ARGUMENT,
                    "Input 0 of layer %s is incompatible with the layer: "
                    "expected ndim=%d, found ndim=%d. Full shape received: %s",
                    name, ndim, s->rank, m_shape_list(e, s)))
            return false;
    }
    if (min_ndim >= 0 && s->rank >= 0 &&
        m_check(r, s->rank < min_ndim, VS_ERR_INVALID_ARGUMENT,
                VS_MSG_LAYER_MIN_NDIM, name, min_ndim, s->rank,
                m_shape_list(e, s)))
        return false;
    if (has_axes && built != NO && s->rank != 0) {
        if (s->rank == SC_TOP_RANK || built == MAYBE || l->spec_axis == -100) {
            m_check(r, MAYBE, VS_ERR_SHAPE_MISMATCH, "input axis");
            return !r->failed;
        }
        if (s->rank < 0)
            return true;
        int idx = l->spec_axis < 0 ? s->rank + l->spec_axis : l->spec_axis;
        int64_t got = idx >= 0 && idx < s->rank ? s->dims[idx] : -1;
        int bad = dim_top(got) || dim_top(l->built_axis)
                      ? (got == -1 ? NO : MAYBE)
                      : got >= 0 && got != l->built_axis;
        if (m_check(r, bad, VS_ERR_SHAPE_MISMATCH,
                    "Input 0 of layer %s is incompatible with the layer: "
                    "expected axis %d of input shape to have value %lld but "
                    "received input with shape %s",
                    name, l->spec_axis, (long long)l->built_axis,
                    m_shape_list(e, s)))
            return false;
    }
    return true;
}

static const av *init_value_av(mrun *r, sc_init init)
{
    return init.kind == VS_INIT_VALUE && init.value
               ? av_tensor(r->e, init.value, false)
               : init.kind == VS_INIT_VALUE ? av_top() : av_null();
}

/* Layer.add_weight for build() */
const sc_var *m_add_weight(mrun *r, sc_layer *l, const char *name,
                           const sc_shape *shape, int dtype, sc_init init,
                           int trainable)
{
    sc_engine *e = r->e;
    /* reuse = self.built or self._reuse; built is still False here */
    const sc_scope *o = layer_scope(r, l);
    const sc_scope *s = m_reenter(r, o, l->reuse, VS_DTYPE_DEFAULT,
                                  VS_INIT_NONE, NULL, YES);
    if (!s)
        return NULL;
    m_name_scope(r, o ? o->original_ns : NULL,
                 o && o->original_ns ? NO : MAYBE);
    if (r->failed)
        return NULL;
    if (init.kind == VS_INIT_NONE)          /* the scope's initializer */
        init = (sc_init){s->init_kind, s->init_value};
    if (init.kind == VS_INIT_NONE) {        /* keras add_weight's default */
        int fl = m_dtype_floating(dtype);
        init.kind = fl == YES ? VS_INIT_GLOROT_UNIFORM
                    : fl == NO ? VS_INIT_ZEROS
                               : VS_INIT_ZEROS;
    }
    m_req q = {0};
    q.name = sc_istr(e, name);
    q.shape_given = true;
    q.shape = *shape;
    q.dtype = dtype;
    q.init_kind = init.kind;
    q.init_value = init_value_av(r, init);
    int lt = ftri(l->trainable);
    q.not_trainable = !trainable ? YES : lt == MAYBE ? MAYBE : !lt;
    q.collection = l->collection;
    const av *v = m_get_variable(r, s, &q, false);
    if (!v || r->failed || !m_exit(r) || !m_exit(r))
        return NULL;
    const sc_var *var = v->kind == AV_VAR ? v->v : NULL;
    if (l->nweights >= 0 && l->nweights < SC_MAX_WEIGHTS && var)
        l->weights[l->nweights++] = var;
    else
        l->nweights = -1;
    return var ? var : (const sc_var *)sc_alloc(&e->arena, sizeof(sc_var));
}

int m_layer_build(mrun *r, sc_layer *l, const m_call *c);

/* Layer.__call__: everything the base class does around build and call */
const sc_tensor *m_layer_call(mrun *r, uint32_t id, const m_call *c)
{
    const sc_layer *stored = m_layer_get(r, id);
    if (!stored) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "layer unknown");
        return NULL;
    }
    sc_layer *l = sc_alloc(&r->e->arena, sizeof *l);
    *l = *stored;
    if (!set_scope(r, l))
        return NULL;
    int built = ftri(l->built);
    int reuse = built == YES ? VS_REUSE : built == NO ? l->reuse : -1;
    if (built == MAYBE && l->reuse == VS_REUSE)
        reuse = VS_REUSE;
    const sc_scope *o = layer_scope(r, l);
    const sc_scope *s = m_reenter(r, o, reuse, VS_DTYPE_DEFAULT, VS_INIT_NONE,
                                  NULL, YES);
    if (!s || !check_input(r, l, c->input))
        return NULL;
    m_name_scope(r, o ? o->original_ns : NULL,
                 o && o->original_ns ? NO : MAYBE);
    if (r->failed)
        return NULL;
    if (built == MAYBE) {
        /* built on some paths only: what a build makes, nobody knows */
        m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "built?");
        sc_engine *e = r->e;
        const char *sn = o && o->name ? o->name : sc_istr(e, "");
        r->g->store_unknown = plist_add(e, r->g->store_unknown, sn);
        r->g->names_unknown = plist_add(e, r->g->names_unknown, sc_istr(e, ""));
        r->g->vars = vlist_push(e, r->g->vars, NULL);
        m_collect(r, VS_TRAINABLE_VARIABLES, NULL);
        l->nweights = -1;
        l->built = YES;
    } else if (built == NO) {
        /* _maybe_build: the layer's dtype is its first input's */
        l->dtype = c->input ? m_dtype_or_float(c->input->dtype) : SC_DT_TOP;
        if (m_layer_build(r, l, c) < 0)
            return NULL;
        l->built = YES;
    }
    const sc_tensor *out = m_layer_body(r, l, c);
    if (!out || !m_exit(r) || !m_exit(r))
        return NULL;
    m_layer_store(r, l, id);
    return out;
}

bool m_check_layer_args(mrun *r, const char *name, int name_null, int reuse,
                        int activation)
{
    if (m_check(r, name_null == NO && name && !name[0], VS_ERR_INVALID_NAME,
                VS_MSG_EMPTY_SCOPE_NAME) ||
        m_check(r, reuse == -1 ? MAYBE
                   : (unsigned)reuse > (unsigned)VS_AUTO_REUSE,
                VS_ERR_INVALID_ARGUMENT,
                "The reuse parameter must be True or False or None.") ||
        m_check(r, activation == -1 ? MAYBE
                   : (unsigned)activation > (unsigned)VS_ACT_TANH,
                VS_ERR_INVALID_ARGUMENT,
                "activation is not a vs_activation value"))
        return false;
    return true;
}

/* ---- builds ---- */

static int dense_build(mrun *r, sc_layer *l, const sc_tensor *x)
{
    const sc_shape *in = x ? &x->shape : &m_unknown_shape;
    if (m_check(r, m_dtype_floating(l->dtype) == NO ? YES
                   : m_dtype_floating(l->dtype) == MAYBE ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT, VS_MSG_DENSE_DTYPE,
                m_dtype_name(l->dtype)))
        return -1;
    int64_t last = in->rank > 0 ? in->dims[in->rank - 1] : SC_TOP_DIM;
    if (m_check(r, dim_top(last) ? (last == SC_DIM_DEFINED ? NO : MAYBE)
                   : last < 0,
                VS_ERR_UNDEFINED_SHAPE, VS_MSG_DENSE_LAST_DIM))
        return -1;
    sc_shape kshape = {2, {last, l->units}};
    sc_shape bshape = {1, {l->units}};
    if (!m_add_weight(r, l, l->kernel_name, &kshape, l->dtype, l->kernel_init,
                      true))
        return -1;
    int nb = ftri(l->no_bias);
    if (nb == MAYBE) {
        m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "bias?");
        l->nweights = -1;
    }
    if (nb == NO &&
        !m_add_weight(r, l, l->bias_name, &bshape, l->dtype,
                      l->bias_init.kind != VS_INIT_NONE
                          ? l->bias_init
                          : (sc_init){VS_INIT_ZEROS, NULL},
                      true))
        return -1;
    l->built_axis = last;
    return 0;
}

static int conv_build(mrun *r, sc_layer *l, const sc_tensor *x)
{
    const sc_shape *s = x ? &x->shape : &m_unknown_shape;
    int64_t in = s->rank == 4 ? s->dims[3] : SC_TOP_DIM;
    if (m_check(r, dim_top(in) ? (in == SC_DIM_DEFINED ? NO : MAYBE) : in < 0,
                VS_ERR_UNDEFINED_SHAPE,
                "The channel dimension of the inputs should be defined. "
                "Found `None`."))
        return -1;
    sc_shape kshape = {4, {l->ksize[0], l->ksize[1], in, l->units}};
    sc_shape bshape = {1, {l->units}};
    if (!m_add_weight(r, l, "kernel", &kshape, l->dtype, l->kernel_init, true))
        return -1;
    int nb = ftri(l->no_bias);
    if (nb == MAYBE) {
        m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "bias?");
        l->nweights = -1;
    }
    if (nb == NO &&
        !m_add_weight(r, l, "bias", &bshape, l->dtype,
                      l->bias_init.kind != VS_INIT_NONE
                          ? l->bias_init
                          : (sc_init){VS_INIT_ZEROS, NULL},
                      true))
        return -1;
    l->built_axis = in;
    return 0;
}

static int bn_build(mrun *r, sc_layer *l, const sc_tensor *x)
{
    sc_engine *e = r->e;
    const sc_shape *s = x ? &x->shape : &m_unknown_shape;
    if (m_check(r, s->rank == SC_TOP_RANK ? MAYBE : s->rank <= 0,
                VS_ERR_UNDEFINED_SHAPE,
                "('Input has undefined rank:', TensorShape(%s))",
                m_shape_list(e, s)))
        return -1;
    if (s->rank == SC_TOP_RANK || l->axis == -100) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "batch norm axis");
        return -1;        /* not reached when it surely fails; see below */
    }
    int axis = l->axis == 0 ? -1 : l->axis;
    int resolved = axis < 0 ? s->rank + axis : axis;
    if (m_check(r, resolved < 0 || resolved >= s->rank,
                VS_ERR_INVALID_ARGUMENT, "Invalid axis: %d", resolved))
        return -1;
    int64_t channels = s->dims[resolved];
    if (m_check(r, dim_top(channels) ? (channels == SC_DIM_DEFINED ? NO : MAYBE)
                   : channels < 0,
                VS_ERR_UNDEFINED_SHAPE,
                "('Input has undefined `axis` dimension. Input shape: ', "
                "TensorShape(%s))", m_shape_list(e, s)) ||
        m_check(r, m_dtype_floating(l->dtype) == NO ? YES
                   : m_dtype_floating(l->dtype) == MAYBE ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT,
                "Value passed to parameter 'x' has DataType %s not in list "
                "of allowed values: float16, bfloat16, float32, float64",
                m_dtype_name(l->dtype)))
        return -1;
    /* parameters of fp16 batch norm are float32 */
    int pdt = l->dtype == VS_FLOAT16 ? VS_FLOAT32 : l->dtype;
    sc_shape p = {1, {channels}};
    int ns = ftri(l->no_scale), nc = ftri(l->no_center);
    if (ns == MAYBE || nc == MAYBE) {
        m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "gamma, beta?");
        return -1;
    }
    if ((ns == NO && !m_add_weight(r, l, "gamma", &p, pdt,
                                   (sc_init){VS_INIT_ONES, NULL}, true)) ||
        (nc == NO && !m_add_weight(r, l, "beta", &p, pdt,
                                   (sc_init){VS_INIT_ZEROS, NULL}, true)) ||
        !m_add_weight(r, l, "moving_mean", &p, pdt,
                      (sc_init){VS_INIT_ZEROS, NULL}, false) ||
        !m_add_weight(r, l, "moving_variance", &p, pdt,
                      (sc_init){VS_INIT_ONES, NULL}, false))
        return -1;
    l->built_rank = s->rank;
    l->spec_axis = resolved;
    l->built_axis = channels;
    return 0;
}

int m_layer_build(mrun *r, sc_layer *l, const m_call *c)
{
    int rc = 0;
    switch (l->kind) {
    case SC_LAYER_DENSE: rc = dense_build(r, l, c->input); break;
    case SC_LAYER_CONV2D: rc = conv_build(r, l, c->input); break;
    case SC_LAYER_BATCH_NORM: rc = bn_build(r, l, c->input); break;
    case SC_LAYER_BASIC_RNN: case SC_LAYER_BASIC_LSTM: case SC_LAYER_LSTM:
    case SC_LAYER_GRU:
        rc = m_cell_build(r, l, c);
        break;
    default: break;          /* no weights */
    }
    if (rc < 0 && !r->failed) {
        /* a build the engine cannot follow (an unknown axis): it may fail;
         * what it makes, nobody knows */
        sc_engine *e = r->e;
        r->g->store_unknown = plist_add(e, r->g->store_unknown, sc_istr(e, ""));
        r->g->names_unknown = plist_add(e, r->g->names_unknown, sc_istr(e, ""));
        r->g->vars = vlist_push(e, r->g->vars, NULL);
        m_collect(r, VS_TRAINABLE_VARIABLES, NULL);
        l->nweights = -1;
        l->built_axis = SC_TOP_DIM;
        l->built_rank = l->spec_axis = -100;
        return 0;
    }
    return rc;
}

/* ---- calls ---- */

static const sc_tensor *weight_value(mrun *r, const sc_layer *l, int i)
{
    (void)r;
    if (l->nweights < 0 || i >= l->nweights || !l->weights[i])
        return NULL;
    return l->weights[i]->read;
}

/* conv_utils: the output size of a window, or TF's shape-function
 * failure (the op name is the one the op would get) */
static bool window_shape(mrun *r, const sc_tensor *x, const sc_shape *ks,
                         const char *type, const sc_layer *l, sc_shape *out)
{
    sc_engine *e = r->e;
    const sc_shape *s = x ? &x->shape : &m_unknown_shape;
    *out = *s;
    if (s->rank != 4) {
        if (s->rank == SC_TOP_RANK)
            out->rank = 4, out->dims[0] = out->dims[1] = out->dims[2] =
                               out->dims[3] = SC_TOP_DIM;
        return true;
    }
    for (int i = 0; i < 2; i++) {
        int64_t k = l->ksize[i], st = l->strides[i];
        int64_t dil = l->kind == SC_LAYER_CONV2D ? l->dilation[i] : 1;
        int64_t in = s->dims[1 + i];
        if (dim_top(k) || dim_top(st) || dim_top(dil) || l->padding == -1) {
            out->dims[1 + i] = SC_TOP_DIM;
            m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "window");
            continue;
        }
        if (dim_top(in)) {
            /* 'same' never fails; 'valid' fails on a small input */
            out->dims[1 + i] = l->padding == VS_SAME && in != SC_TOP_DIM
                                   ? SC_DIM_VALID
                                   : SC_TOP_DIM;
            if (l->padding != VS_SAME && (k - 1) * dil + 1 > 1)
                m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "window");
            continue;
        }
        int64_t n = vs__conv_out_len(in, k, st, dil, l->padding == VS_SAME);
        if (n == -2) {
            int64_t eff = (k - 1) * dil + 1;
            m_check(r, YES, VS_ERR_INVALID_ARGUMENT,
                    "Negative dimension size caused by subtracting %lld from "
                    "%lld for '%s%s' (op: '%s') with input shapes: %s%s%s.",
                    (long long)eff, (long long)in, shown(r->g->ns), type, type,
                    m_shape_dims(e, s), ks ? ", " : "",
                    ks ? m_shape_dims(e, ks) : "");
            return false;
        }
        out->dims[1 + i] = n;
    }
    return !r->failed;
}

static const sc_tensor *dense_body(mrun *r, const sc_layer *l,
                                   const sc_tensor *x)
{
    sc_engine *e = r->e;
    const sc_tensor *kernel = weight_value(r, l, 0);
    const sc_tensor *out;
    const sc_shape *s = x ? &x->shape : &m_unknown_shape;
    if (s->rank == SC_TOP_RANK) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "dense input");
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(e, ""));
        sc_tensor *t = m_new_tensor(r, NULL, l->dtype, &m_unknown_shape);
        const sc_tensor *in[2] = {x, kernel};
        m_set_deps(t, e, in, 2);
        return t;
    }
    if (s->rank > 2) {
        /* tensordot(inputs, kernel, [[rank - 1], [0]]), shape set */
        int fl = m_dtype_floating(x->dtype);
        int kd = kernel ? kernel->dtype : SC_DT_TOP;
        int bad = fl == NO ? YES
                  : fl == MAYBE || kd == SC_DT_TOP ? MAYBE
                  : x->dtype != kd;
        if (m_check(r, bad, VS_ERR_INVALID_ARGUMENT,
                    "Tensor conversion requested dtype %s for Tensor with "
                    "dtype %s", m_dtype_name(x->dtype), m_dtype_name(kd)))
            return NULL;
        sc_shape os = *s;
        os.dims[os.rank - 1] = l->units;
        const sc_tensor *in[2] = {x, kernel};
        out = m_op(r, "Tensordot", x->dtype, &os, in, 2);
    } else {
        out = m_matmul(r, x, kernel, NULL);
    }
    int nb = ftri(l->no_bias);
    if (out && nb == MAYBE) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "bias?");
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(e, ""));
    } else if (out && nb == NO) {
        out = m_bias_add(r, out, weight_value(r, l, 1), NULL);
    }
    return out ? m_activate(r, out, l->activation) : NULL;
}

static const sc_tensor *conv_body(mrun *r, const sc_layer *l,
                                  const sc_tensor *x)
{
    const sc_tensor *kernel = weight_value(r, l, 0);
    int fl = m_dtype_floating(x ? x->dtype : SC_DT_TOP);
    if (m_check(r, fl == NO ? YES : fl == MAYBE ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT,
                "Value passed to parameter 'input' has DataType %s not in "
                "list of allowed values: float16, bfloat16, float32, float64",
                m_dtype_name(x ? x->dtype : SC_DT_TOP)))
        return NULL;
    sc_shape out;
    if (!window_shape(r, x, kernel ? &kernel->shape : &m_unknown_shape,
                      "Conv2D", l, &out))
        return NULL;
    out.dims[3] = l->units;
    const sc_tensor *in[2] = {x, kernel};
    const sc_tensor *t = m_op(r, "Conv2D", x ? x->dtype : SC_DT_TOP, &out,
                              in, 2);
    int nb = ftri(l->no_bias);
    if (t && nb == MAYBE) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "bias?");
        r->g->names_unknown = plist_add(r->e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(r->e, ""));
    } else if (t && nb == NO) {
        t = m_bias_add(r, t, weight_value(r, l, 1), NULL);
    }
    return t ? m_activate(r, t, l->activation) : NULL;
}

static const sc_tensor *pool_body(mrun *r, const sc_layer *l,
                                  const sc_tensor *x)
{
    sc_shape out;
    if (!window_shape(r, x, NULL, "MaxPool", l, &out))
        return NULL;
    const sc_tensor *in[1] = {x};
    return m_op(r, "MaxPool", x ? x->dtype : SC_DT_TOP, &out, in, 1);
}

static const sc_tensor *flatten_body(mrun *r, const sc_layer *l,
                                     const sc_tensor *x)
{
    (void)l;
    const sc_shape *s = x ? &x->shape : &m_unknown_shape;
    if (s->rank == SC_TOP_RANK) {
        r->g->names_unknown = plist_add(r->e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(r->e, ""));
        sc_shape out = {2, {SC_TOP_DIM, SC_TOP_DIM}};
        const sc_tensor *in[1] = {x};
        sc_tensor *t = m_new_tensor(r, NULL, SC_DT_TOP, &out);
        m_set_deps(t, r->e, in, 1);
        return t;
    }
    sc_shape out = {2, {s->rank > 0 ? s->dims[0] : SC_TOP_DIM, 1}};
    int known = YES;
    for (int i = 1; i < s->rank; i++) {
        if (s->dims[i] == -1)
            known = NO;
        else if (dim_top(s->dims[i]))
            known = known == NO ? NO : MAYBE;
        else
            out.dims[1] *= s->dims[i];
    }
    if (known == MAYBE) {
        out.dims[1] = SC_DIM_VALID;
        r->g->names_unknown = plist_add(r->e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(r->e, ""));
    } else if (known == NO) {
        out.dims[1] = -1;
        /* the batch size read at run time: Shape, strided_slice */
        sc_shape sr = {1, {s->rank}};
        sc_shape sc = {0, {0}};
        if (!m_op(r, "Shape", VS_INT32, &sr, NULL, 0) ||
            !m_op(r, "strided_slice", VS_INT32, &sc, NULL, 0))
            return NULL;
    }
    const sc_tensor *in[1] = {x};
    return m_op(r, "Reshape", x ? x->dtype : SC_DT_TOP, &out, in, 1);
}

/* keras Dropout.call: smart_cond(training, nn.dropout, identity) */
static const sc_tensor *dropout_body(mrun *r, const sc_layer *l,
                                     const sc_tensor *x, int training)
{
    sc_engine *e = r->e;
    const sc_tensor *in[1] = {x};
    int dt = x ? x->dtype : SC_DT_TOP;
    const sc_shape *s = x ? &x->shape : &m_unknown_shape;
    if (training == NO)
        return m_op(r, "Identity", dt, s, in, 1);
    if (training == MAYBE) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "training?");
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(e, ""));
        sc_tensor *t = m_new_tensor(r, NULL, dt, s);
        m_set_deps(t, e, in, 1);
        return t;
    }
    int fl = m_dtype_floating(dt);
    if (m_check(r, fl == NO ? YES : fl == MAYBE ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT,
                "x has to be a floating point tensor since it's going to be "
                "scaled. Got a %s tensor instead.", m_dtype_name(dt)) ||
        m_check(r, l->rate_ok == SC_UNK ? MAYBE : !l->rate_ok,
                VS_ERR_INVALID_ARGUMENT,
                "rate must be a scalar tensor or a float in the range [0, 1)"))
        return NULL;
    const char *ns = m_name_scope(r, sc_istr(e, "dropout"), NO);
    if (r->failed)
        return NULL;
    /* rate 0 returns x itself; the engine does not know rates: the ops
     * of a positive rate, or none */
    r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                    ns ? ns : r->g->ns ? r->g->ns
                                                       : sc_istr(e, ""));
    sc_tensor *t = m_new_tensor(r, NULL, dt, s);
    m_set_deps(t, e, in, 1);
    return m_exit(r) ? t : NULL;
}

/* the weights of a batch norm in build order: [gamma] [beta] mean var */
static const sc_tensor *bn_weight(mrun *r, const sc_layer *l,
                                  const char *which)
{
    int i = 0;
    if (l->no_scale == 0 && strcmp(which, "gamma") == 0)
        return weight_value(r, l, 0);
    if (l->no_scale == 0)
        i++;
    if (l->no_center == 0 && strcmp(which, "beta") == 0)
        return weight_value(r, l, i);
    if (l->no_center == 0)
        i++;
    return weight_value(r, l, strcmp(which, "moving_mean") == 0 ? i : i + 1);
}

static const sc_tensor *bn_body(mrun *r, const sc_layer *l,
                                const sc_tensor *x, int training)
{
    sc_engine *e = r->e;
    const char *ns = r->g->ns;
    const sc_shape *s = x ? &x->shape : &m_unknown_shape;
    int dt = x ? x->dtype : SC_DT_TOP;
    const sc_tensor *in[5] = {x, NULL, NULL, bn_weight(r, l, "moving_mean"),
                              bn_weight(r, l, "moving_variance")};
    in[1] = l->no_scale ? NULL : bn_weight(r, l, "gamma");
    in[2] = l->no_center ? NULL : bn_weight(r, l, "beta");
    int n = 5;
    if (l->no_scale == SC_UNK || l->no_center == SC_UNK || l->spec_axis == -100 ||
        s->rank == SC_TOP_RANK || training == MAYBE) {
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        ns ? ns : sc_istr(e, ""));
        sc_tensor *t = m_new_tensor(r, NULL, dt, s);
        m_set_deps(t, e, in, n);
        return t;
    }
    int axis = l->spec_axis;
    bool fused = s->rank == 4 && (axis == 1 || axis == 3);
    sc_shape scalar = {0, {0}};
    sc_tensor *out;
    if (fused) {
        /* training: the batch statistics come from empty constants */
        if (training == YES && (!m_op(r, "Const", dt, &scalar, NULL, 0) ||
                                !m_op(r, "Const", dt, &scalar, NULL, 0)))
            return NULL;
        out = m_op(r, "FusedBatchNormV3", dt, s, in, n);
    } else {
        if (training == YES) {   /* nn.moments */
            const char *m = m_name_scope(r, sc_istr(e, "moments"), NO);
            if (r->failed || !m_op_name(r, m, sc_istr(e, "mean"), NULL, NULL) ||
                r->failed ||
                (m_op_name(r, m, sc_istr(e, "variance"), NULL, NULL), r->failed) ||
                !m_exit(r))
                return NULL;
        }
        const char *b = m_name_scope(r, sc_istr(e, "batchnorm"), NO);
        if (r->failed)
            return NULL;
        static const char *const ops[] = {"add", "Rsqrt", "mul", "mul",
                                          "mul", "sub"};
        for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
            m_op_name(r, b, sc_istr(e, ops[i]), NULL, NULL);
            if (r->failed)
                return NULL;
        }
        out = m_op(r, "add", dt, s, in, n);
        if (!out || !m_exit(r))
            return NULL;
    }
    if (!out)
        return NULL;
    if (training == YES) {   /* the moving averages' updates */
        m_op_name(r, ns, sc_istr(e, "AssignMovingAvg"), NULL, NULL);
        if (!r->failed)
            m_op_name(r, ns, sc_istr(e, "AssignMovingAvg"), NULL, NULL);
        if (r->failed)
            return NULL;
    }
    return out;
}

const sc_tensor *m_layer_body(mrun *r, const sc_layer *l, const m_call *c)
{
    switch (l->kind) {
    case SC_LAYER_DENSE: return dense_body(r, l, c->input);
    case SC_LAYER_CONV2D: return conv_body(r, l, c->input);
    case SC_LAYER_MAX_POOLING2D: return pool_body(r, l, c->input);
    case SC_LAYER_FLATTEN: return flatten_body(r, l, c->input);
    case SC_LAYER_DROPOUT: return dropout_body(r, l, c->input, c->training);
    case SC_LAYER_BATCH_NORM: return bn_body(r, l, c->input, c->training);
    default: return m_cell_body(r, l, c);
    }
}

/* ---- the public calls ---- */

static int64_t num(const av *v)
{
    return v->kind == AV_INT ? v->i : SC_TOP_DIM;
}

/* a positive int argument the library checks: YES it is not */
static int not_positive(int64_t v) { return dim_top(v) ? MAYBE : v <= 0; }

static const av *layer_value(mrun *r, uint32_t id)
{
    return av_obj(r->e, AV_OBJ, id, false);
}

static int init_bad(sc_init i)
{
    if (i.kind == -1)
        return MAYBE;
    if (i.kind < 0 || i.kind > M_INIT_LAST)
        return YES;
    return i.kind == VS_INIT_VALUE && !i.value ? MAYBE : NO;
}

/* Whether a layer's kernel/bias initializer pair is invalid: a certain YES
   from either wins, else MAYBE if either could be; the same test for every
   layer that takes both (dense, conv2d, fully_connected). */
static int init_pair_bad(sc_init kernel, sc_init bias)
{
    int ib = init_bad(kernel);
    if (ib != YES && init_bad(bias) != NO)
        ib = init_bad(bias);
    return ib;
}

/* What dense and conv2d share, both being a kernel and a bias: their name,
   reuse, activation and initializer options checked in the library's order,
   then the layer made with them, its not_trainable and no_bias flags. NULL
   when a check failed (the run has stopped). */
static sc_layer *kernel_bias_layer(mrun *r, sc_layer_kind kind,
                                   const char *base, const av *opts)
{
    int name_null;
    const char *name = m_str(r, m_field(r, opts, "name"), &name_null);
    const av *rv = m_field(r, opts, "reuse"), *act = m_field(r, opts, "activation");
    int reuse = rv->kind == AV_INT ? (int)rv->i : -1;
    int activation = act->kind == AV_INT ? (int)act->i : -1;
    if (!m_check_layer_args(r, name, name_null, reuse, activation))
        return NULL;
    sc_init ki = m_init_arg(r, m_field(r, opts, "kernel_initializer"));
    sc_init bi = m_init_arg(r, m_field(r, opts, "bias_initializer"));
    if (m_check(r, init_pair_bad(ki, bi), VS_ERR_INVALID_ARGUMENT,
                "initializer is not valid (a value initializer needs a "
                "tensor)"))
        return NULL;
    sc_layer *l = m_layer_new(r, kind, base, name, name_null, reuse,
                              m_flag(m_field(r, opts, "not_trainable")));
    l->activation = activation;
    l->kernel_init = ki;
    l->bias_init = bi;
    int nb = m_flag(m_field(r, opts, "no_bias"));
    l->no_bias = nb == MAYBE ? SC_UNK : nb;
    return l;
}

/* Element i of a two-number option (strides, dilation_rate): an array gives
   its element (or 0 past an initializer's end), a plain 0 means "not given"
   and stands for both, anything else is unknown. */
static const av *pair_elem(mrun *r, const av *v, int i)
{
    return v->kind == AV_AGG && !v->names
               ? (uint32_t)i < v->nfields ? v->vals[i]
                 : v->zero_rest ? av_int(r->e, 0) : av_top()
           : v->kind == AV_INT && v->i == 0 ? v : av_top();
}

/* The padding option, checked to be a vs_padding value; -1 when unknown.
   False when the check failed (the run has stopped). */
static bool padding_arg(mrun *r, const av *opts, int *padding)
{
    const av *pad = m_field(r, opts, "padding");
    *padding = pad->kind == AV_INT ? (int)pad->i : -1;
    return !m_check(r, *padding == -1 ? MAYBE : (unsigned)*padding > (unsigned)VS_SAME,
                    VS_ERR_INVALID_ARGUMENT, "padding is not a vs_padding value");
}

static sc_layer *dense_layer(mrun *r, const av *units, const av *opts)
{
    int64_t u = num(units);
    if (m_check(r, not_positive(u), VS_ERR_INVALID_ARGUMENT,
                VS_MSG_DENSE_UNITS, (long long)u))
        return NULL;
    sc_layer *l = kernel_bias_layer(r, SC_LAYER_DENSE, "dense", opts);
    if (l)
        l->units = u;
    return l;
}

static int64_t dim_or(int64_t v) { return dim_top(v) ? v : v > 0 ? v : 1; }

static sc_layer *conv_layer(mrun *r, const av *filters, const av *kh,
                            const av *kw, const av *opts)
{
    int64_t f = num(filters), h = num(kh), w = num(kw);
    const av *st = m_field(r, opts, "strides"), *dl = m_field(r, opts, "dilation_rate");
    int64_t s[2], d[2];
    for (int i = 0; i < 2; i++) {
        s[i] = num(pair_elem(r, st, i));
        d[i] = num(pair_elem(r, dl, i));
    }
    int bad = NO;
    int64_t all[7] = {f, h, w, s[0] + 1, s[1] + 1, d[0] + 1, d[1] + 1};
    for (int i = 0; i < 7; i++) {
        int64_t v = i < 3 ? all[i] : dim_top(i < 5 ? s[i - 3] : d[i - 5]) ? SC_TOP_DIM : all[i];
        int b = not_positive(v);
        if (b == YES)
            bad = YES;
        else if (b == MAYBE && bad == NO)
            bad = MAYBE;
    }
    if (m_check(r, bad, VS_ERR_INVALID_ARGUMENT,
                "conv2d: filters, kernel size, strides and dilation rate must "
                "be positive (filters %lld, kernel %lldx%lld)",
                (long long)f, (long long)h, (long long)w))
        return NULL;
    int padding;
    if (!padding_arg(r, opts, &padding))
        return NULL;
    int64_t s0 = dim_or(s[0]), s1 = dim_or(s[1]), d0 = dim_or(d[0]), d1 = dim_or(d[1]);
    int sb = dim_top(s0) || dim_top(s1) ? MAYBE : s0 > 1 || s1 > 1;
    int db = dim_top(d0) || dim_top(d1) ? MAYBE : d0 > 1 || d1 > 1;
    if (m_check(r, sb == NO || db == NO ? NO : sb == YES && db == YES ? YES : MAYBE,
                VS_ERR_INVALID_ARGUMENT,
                "strides > 1 not supported in conjunction with dilation_rate > 1"))
        return NULL;
    sc_layer *l = kernel_bias_layer(r, SC_LAYER_CONV2D, "conv2d", opts);
    if (!l)
        return NULL;
    l->units = f;
    l->ksize[0] = h;
    l->ksize[1] = w;
    l->strides[0] = s0;
    l->strides[1] = s1;
    l->dilation[0] = d0;
    l->dilation[1] = d1;
    l->padding = padding;
    return l;
}

static sc_layer *pool_layer(mrun *r, const av *ph, const av *pw,
                            const av *opts)
{
    int64_t h = num(ph), w = num(pw);
    const av *st = m_field(r, opts, "strides");
    int64_t s[2];
    for (int i = 0; i < 2; i++)
        s[i] = num(pair_elem(r, st, i));
    int bad = not_positive(h);
    int bw = not_positive(w);
    bad = bad == YES || bw == YES ? YES : bad == MAYBE || bw == MAYBE ? MAYBE : NO;
    for (int i = 0; i < 2 && bad != YES; i++)
        if (dim_top(s[i]))
            bad = MAYBE;
        else if (s[i] < 0)
            bad = YES;
    if (m_check(r, bad, VS_ERR_INVALID_ARGUMENT,
                "max_pooling2d: pool size and strides must be positive (pool "
                "%lldx%lld)", (long long)h, (long long)w))
        return NULL;
    int padding;
    if (!padding_arg(r, opts, &padding))
        return NULL;
    int name_null;
    const char *name = m_str(r, m_field(r, opts, "name"), &name_null);
    if (!m_check_layer_args(r, name, name_null, VS_REUSE_INHERIT, VS_ACT_DEFAULT))
        return NULL;
    sc_layer *l = m_layer_new(r, SC_LAYER_MAX_POOLING2D, "max_pooling2d", name,
                              name_null, VS_REUSE_INHERIT, NO);
    l->ksize[0] = h;
    l->ksize[1] = w;
    l->strides[0] = dim_top(s[0]) ? s[0] : s[0] > 0 ? s[0] : h;
    l->strides[1] = dim_top(s[1]) ? s[1] : s[1] > 0 ? s[1] : w;
    l->dilation[0] = l->dilation[1] = 1;
    l->padding = padding;
    return l;
}

static sc_layer *simple_layer(mrun *r, sc_layer_kind kind, const char *base,
                              const av *opts)
{
    int name_null;
    const char *name = m_str(r, m_field(r, opts, "name"), &name_null);
    if (!m_check_layer_args(r, name, name_null, VS_REUSE_INHERIT, VS_ACT_DEFAULT))
        return NULL;
    return m_layer_new(r, kind, base, name, name_null, VS_REUSE_INHERIT, NO);
}

static sc_layer *bn_layer(mrun *r, const av *opts)
{
    /* epsilon and momentum: a negative one fails (the library's
     * bn_layer); a double the engine does not know may be */
    const av *eps = m_field(r, opts, "epsilon"), *mom = m_field(r, opts, "momentum");
    double de, dm;
    bool ke = m_double(eps, &de), km = m_double(mom, &dm);
    int bad = (ke && de < 0) || (km && dm < 0) ? YES : ke && km ? NO : MAYBE;
    if (m_check(r, bad, VS_ERR_INVALID_ARGUMENT,
                "batch_normalization: epsilon and momentum must not be "
                "negative"))
        return NULL;
    int name_null;
    const char *name = m_str(r, m_field(r, opts, "name"), &name_null);
    const av *rv = m_field(r, opts, "reuse");
    int reuse = rv->kind == AV_INT ? (int)rv->i : -1;
    if (!m_check_layer_args(r, name, name_null, reuse, VS_ACT_DEFAULT))
        return NULL;
    sc_layer *l = m_layer_new(r, SC_LAYER_BATCH_NORM, "batch_normalization",
                              name, name_null, reuse,
                              m_flag(m_field(r, opts, "not_trainable")));
    const av *ax = m_field(r, opts, "axis");
    l->axis = ax->kind == AV_INT ? (int)ax->i : -100;
    int nc = m_flag(m_field(r, opts, "no_center"));
    int ns = m_flag(m_field(r, opts, "no_scale"));
    l->no_center = nc == MAYBE ? SC_UNK : nc;
    l->no_scale = ns == MAYBE ? SC_UNK : ns;
    return l;
}

/* a layer made and stored; its functional form's name captured now */
static uint32_t made(mrun *r, sc_layer *l, bool capture)
{
    if (!l || r->failed)
        return 0;
    if (capture && !m_layer_capture_now(r, l))
        return 0;
    return m_layer_store(r, l, 0);
}

static const av *apply_once(mrun *r, uint32_t id, const av *input,
                            int training)
{
    if (!id)
        return NULL;
    m_call c = {m_tensor(input), NULL, NULL, training};
    const sc_tensor *t = m_layer_call(r, id, &c);
    return t ? av_tensor(r->e, t, false) : NULL;
}

static bool input_null(mrun *r, const av *input, const char *what)
{
    m_why_null(r, input);
    return m_check(r, m_null_tri(input), VS_ERR_INVALID_ARGUMENT,
                   "%s: input is NULL", what);
}

static int named(mrun *r, const av *opts)
{
    return m_null_tri(m_field(r, opts, "name"));
}

static const av *op_fully_connected(mrun *r, const av **a);

static const av *op_layer_apply(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    int ln = m_null_tri(a[1]), xn = m_null_tri(a[2]);
    m_why_null(r, ln == YES ? a[1] : a[2]);
    if (m_check(r, ln == YES || xn == YES ? YES : ln || xn ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT, "layer apply: %s is NULL",
                ln == YES ? "layer" : "input"))
        return NULL;
    const sc_obj *o = a[1]->kind == AV_OBJ ? graph_obj(r->g, a[1]->id) : NULL;
    if (!o || o->kind != SC_OBJ_LAYER) {
        /* a layer nobody knows, or another graph's */
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "layer unknown");
        r->g->store_unknown = plist_add(e, r->g->store_unknown, sc_istr(e, ""));
        r->g->names_unknown = plist_add(e, r->g->names_unknown, sc_istr(e, ""));
        r->g->vars = vlist_push(e, r->g->vars, NULL);
        m_collect(r, VS_TRAINABLE_VARIABLES, NULL);
        return av_tensor(e, m_new_tensor(r, NULL, SC_DT_TOP, &m_unknown_shape),
                         false);
    }
    if (m_check(r, m_is_cell(o->layer.kind), VS_ERR_INVALID_ARGUMENT,
                "layer apply: %s is an RNN cell: call it with vs_rnn_cell_call "
                "(inputs and state)", shown(o->layer.name)))
        return NULL;
    int training = m_flag(m_field(r, m_options_arg(r, a), "training"));
    return apply_once(r, a[1]->id, a[2], training);
}

/* layer.name, layer.scope_name, layer.variables */
static const av *op_layer_read(mrun *r, const av **a)
{
    if (a[0]->kind != AV_OBJ || a[0]->maybe_null)
        return av_top();
    const sc_obj *o = m_use_obj_graph(r, a[0]);
    const sc_layer *l = o && o->kind == SC_OBJ_LAYER ? &o->layer : NULL;
    const av *res = av_top();
    switch (vs__fn_id(r->fn)) {
    case VS_FN_vs_layer_name:
        res = l && l->name ? av_str(r->e, l->name) : av_top();
        break;
    case VS_FN_vs_layer_scope:
        res = l && l->scope_known
                  ? l->scope ? av_obj(r->e, AV_SCOPE, l->scope, false) : av_null()
                  : av_top();
        break;
    default: {
        /* trainable weights, then the others (a MultiRNNCell's: unknown) */
        const sc_vlist *vl = NULL;
        bool known = l && l->nweights >= 0 && l->ncells == 0;
        for (int pass = 0; known && pass < 2; pass++)
            for (int i = 0; i < l->nweights; i++) {
                int t = l->weights[i]->trainable;
                if (t == -1)
                    known = false;
                else if (t == (pass == 0))
                    vl = vlist_push(r->e, vl, l->weights[i]);
            }
        bool kc;
        int64_t cap = m_int(a[2], &kc);
        if (a[1]->kind == AV_REF)
            state_set(r->e, r->st, a[1]->frame, a[1]->slot,
                      known ? m_write_vars(r, state_get(r->st, a[1]->frame,
                                                        a[1]->slot),
                                           vl, kc ? cap : -1)
                            : av_top());
        res = known ? av_int(r->e, vl ? vl->len : 0) : av_top();
        break;
    }
    }
    r->g = NULL;
    return res;
}

const av *m_layer_op(mrun *r, const av **a)
{
    vs_fn_id fn = vs__fn_id(r->fn);
    switch (fn) {
    case VS_FN_vs_layer_name: case VS_FN_vs_layer_scope:
    case VS_FN_vs_layer_variables:
        return op_layer_read(r, a);
    default:
        break;
    }
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL
               : fn == VS_FN_vs_dense_layer || fn == VS_FN_vs_conv2d_layer ||
                         fn == VS_FN_vs_batch_norm_layer ||
                         fn == VS_FN_vs_max_pooling2d_layer ||
                         fn == VS_FN_vs_flatten_layer ||
                         fn == VS_FN_vs_dropout_layer
                   ? av_obj(e, AV_OBJ, 0, true)
                   : av_tensor(e, m_new_tensor(r, NULL, SC_DT_TOP,
                                               &m_unknown_shape),
                               true);
    const av *opts = m_options_arg(r, a);
    uint32_t id;
    sc_layer *l;
    switch (fn) {
    case VS_FN_vs_dense_layer:
        id = made(r, dense_layer(r, a[1], opts), false);
        return id ? layer_value(r, id) : NULL;
    case VS_FN_vs_conv2d_layer:
        id = made(r, conv_layer(r, a[1], a[2], a[3], opts), false);
        return id ? layer_value(r, id) : NULL;
    case VS_FN_vs_batch_norm_layer:
        id = made(r, bn_layer(r, opts), false);
        return id ? layer_value(r, id) : NULL;
    case VS_FN_vs_max_pooling2d_layer:
        id = made(r, pool_layer(r, a[1], a[2], opts), false);
        return id ? layer_value(r, id) : NULL;
    case VS_FN_vs_flatten_layer:
        id = made(r, simple_layer(r, SC_LAYER_FLATTEN, "flatten", opts), false);
        return id ? layer_value(r, id) : NULL;
    case VS_FN_vs_dropout_layer:
        l = simple_layer(r, SC_LAYER_DROPOUT, "dropout", opts);
        if (l)
            l->rate_ok = rate_ok(a[1]);
        id = made(r, l, false);
        return id ? layer_value(r, id) : NULL;
    case VS_FN_vs_layer_apply:
        return op_layer_apply(r, a);
    case VS_FN_vs_dense:
        if (input_null(r, a[1], "dense"))
            return NULL;
        return apply_once(r, made(r, dense_layer(r, a[2], opts),
                                  named(r, opts) != YES),
                          a[1], NO);
    case VS_FN_vs_conv2d:
        if (input_null(r, a[1], "conv2d"))
            return NULL;
        return apply_once(r, made(r, conv_layer(r, a[2], a[3], a[4], opts),
                                  named(r, opts) != YES),
                          a[1], NO);
    case VS_FN_vs_batch_normalization:
        if (m_check(r, m_null_tri(a[1]), VS_ERR_INVALID_ARGUMENT,
                    "batch_normalization: input is NULL"))
            return NULL;
        return apply_once(r, made(r, bn_layer(r, opts), named(r, opts) != YES),
                          a[1], m_flag(m_field(r, opts, "training")));
    case VS_FN_vs_max_pooling2d:
        if (input_null(r, a[1], "max_pooling2d"))
            return NULL;
        return apply_once(r, made(r, pool_layer(r, a[2], a[3], opts), false),
                          a[1], NO);
    case VS_FN_vs_flatten:
        if (input_null(r, a[1], "flatten"))
            return NULL;
        return apply_once(r, made(r, simple_layer(r, SC_LAYER_FLATTEN,
                                                  "flatten", opts), false),
                          a[1], NO);
    case VS_FN_vs_dropout:
        if (input_null(r, a[1], "dropout"))
            return NULL;
        l = simple_layer(r, SC_LAYER_DROPOUT, "dropout", opts);
        if (l)
            l->rate_ok = rate_ok(a[2]);
        return apply_once(r, made(r, l, false), a[1],
                          m_flag(m_field(r, opts, "training")));
    case VS_FN_vs_fully_connected:
        return op_fully_connected(r, a);
    default:
        return av_top();
    }
}

/* contrib.layers.fully_connected (contrib.c) */
static const av *op_fully_connected(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    const av *opts = m_options_arg(r, a);
    const av *act = m_field(r, opts, "activation");
    int activation = act->kind == AV_INT ? (int)act->i : -1;
    if (activation == VS_ACT_DEFAULT)
        activation = VS_ACT_RELU;
    int64_t n = num(a[2]);
    if (input_null(r, a[1], "fully_connected") ||
        m_check(r, not_positive(n), VS_ERR_INVALID_ARGUMENT,
                "fully_connected: num_outputs must be a positive integer, got "
                "%lld", (long long)n))
        return NULL;
    sc_init wi = m_init_arg(r, m_field(r, opts, "weights_initializer"));
    sc_init bi = m_init_arg(r, m_field(r, opts, "biases_initializer"));
    int ib = init_pair_bad(wi, bi);
    const av *rv = m_field(r, opts, "reuse");
    int reuse = rv->kind == AV_INT ? (int)rv->i : -1;
    if (m_check(r, ib, VS_ERR_INVALID_ARGUMENT,
                "initializer is not valid (a value initializer needs a "
                "tensor)") ||
        !m_check_layer_args(r, NULL, YES, reuse, activation))
        return NULL;
    m_enter_req q = m_enter_name(NULL, reuse);
    q.name = m_str(r, m_field(r, opts, "scope"), &q.name_null);
    q.dflt = sc_istr(e, "fully_connected");
    q.dflt_null = NO;
    const sc_scope *sc = m_enter(r, &q);
    if (!sc)
        return NULL;
    sc_layer *l = m_layer_new(r, SC_LAYER_DENSE, "dense", sc->name, NO, reuse,
                              m_flag(m_field(r, opts, "not_trainable")));
    /* Dense.__init__: `with vs.variable_scope(sc)`, by object */
    const sc_scope *captured = m_reenter(r, sc, VS_REUSE_INHERIT,
                                         VS_DTYPE_DEFAULT, VS_INIT_NONE, NULL,
                                         NO);
    if (!captured || !m_exit(r))
        return NULL;
    l->scope = captured->id;
    l->units = n;
    int nb = m_flag(m_field(r, opts, "no_biases"));
    l->no_bias = nb == MAYBE ? SC_UNK : nb;
    l->activation = VS_ACT_NONE;
    l->kernel_name = sc_istr(e, "weights");
    l->bias_name = sc_istr(e, "biases");
    l->collection = sc_istr(e, VS_MODEL_VARIABLES);
    l->kernel_init = wi.kind != VS_INIT_NONE ? wi
                                             : (sc_init){VS_INIT_GLOROT_UNIFORM,
                                                         NULL};
    l->bias_init = bi;
    uint32_t id = m_layer_store(r, l, 0);
    m_call c = {m_tensor(a[1]), NULL, NULL, NO};
    const sc_tensor *out = m_layer_call(r, id, &c);
    const sc_tensor *t = out ? m_activate(r, out, activation) : NULL;
    if (!t || !m_exit(r))
        return NULL;
    return av_tensor(e, t, false);
}
