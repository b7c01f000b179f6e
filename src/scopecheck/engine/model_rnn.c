/* RNN cells and tf.nn.dynamic_rnn over abstract state (the library's
 * rnn.c; tf-semantics.md §7): cells are layers (model_layers.c) whose
 * call takes a state; MultiRNNCell re-enters the scope current at its
 * first call and runs cell i under variable_scope("cell_%d");
 * dynamic_rnn enters its scope by string.  The ops of a cell's
 * computation are named as the library names them, so that names made
 * later in the same name scopes come out right. */
#include <stdio.h>
#include <string.h>

#include "model_int.h"
#include "varscope.h"

bool m_is_cell(int kind) { return kind >= SC_LAYER_BASIC_RNN; }

static const char *class_name(int kind)
{
    switch (kind) {
    case SC_LAYER_BASIC_RNN: return "BasicRNNCell";
    case SC_LAYER_BASIC_LSTM: return "BasicLSTMCell";
    case SC_LAYER_LSTM: return "LSTMCell";
    case SC_LAYER_GRU: return "GRUCell";
    default: return "MultiRNNCell";
    }
}

static bool is_lstm(int kind)
{
    return kind == SC_LAYER_BASIC_LSTM || kind == SC_LAYER_LSTM;
}

static const sc_layer *cell_of(mrun *r, uint32_t id)
{
    return id ? m_layer_get(r, id) : NULL;
}

/* the tensors in its state; -1 unknown */
static int state_size(mrun *r, const sc_layer *cell)
{
    if (!cell)
        return -1;
    if (cell->kind != SC_LAYER_MULTI_RNN)
        return is_lstm(cell->kind) ? 2 : 1;
    if (cell->ncells < 0)
        return -1;
    int n = 0;
    for (int i = 0; i < cell->ncells; i++) {
        int k = state_size(r, cell_of(r, cell->cells[i]));
        if (k < 0)
            return -1;
        n += k;
    }
    return n;
}

static int64_t output_size(mrun *r, const sc_layer *cell)
{
    if (!cell)
        return SC_TOP_DIM;
    if (cell->kind == SC_LAYER_MULTI_RNN)
        return cell->ncells > 0
                   ? output_size(r, cell_of(r, cell->cells[cell->ncells - 1]))
                   : SC_TOP_DIM;
    if (cell->kind == SC_LAYER_LSTM && dim_top(cell->num_proj))
        return SC_TOP_DIM;
    return cell->kind == SC_LAYER_LSTM && cell->num_proj > 0 ? cell->num_proj
                                                            : cell->units;
}

/* the width of the i-th state tensor (flattened order) */
static int64_t state_width(mrun *r, const sc_layer *cell, int i)
{
    if (!cell)
        return SC_TOP_DIM;
    if (cell->kind == SC_LAYER_MULTI_RNN) {
        for (int k = 0; k < cell->ncells; k++) {
            const sc_layer *c = cell_of(r, cell->cells[k]);
            int n = state_size(r, c);
            if (n < 0)
                return SC_TOP_DIM;
            if (i < n)
                return state_width(r, c, i);
            i -= n;
        }
        return SC_TOP_DIM;
    }
    return is_lstm(cell->kind) && i == 1 ? output_size(r, cell) : cell->units;
}

static m_state *new_state(mrun *r, int n)
{
    m_state *s = sc_alloc(&r->e->arena, sizeof *s);
    s->n = n;
    s->t = sc_alloc(&r->e->arena, (size_t)(n > 0 ? n : 1) * sizeof *s->t);
    return s;
}

/* ---- states as C values: a pointer to an array of tensors ---- */

static const av *state_value(mrun *r, const m_state *s)
{
    if (!s || s->n < 0)
        return av_box(r->e, av_top());
    const av **vals = sc_alloc(&r->e->arena, (size_t)(s->n + 1) * sizeof *vals);
    for (int i = 0; i < s->n; i++)
        vals[i] = s->t[i] ? av_tensor(r->e, s->t[i], false)
                          : av_tensor(r->e, NULL, false);
    return av_box(r->e, av_agg(r->e, (uint32_t)s->n, NULL, vals, false));
}

static const m_state *state_arg(mrun *r, const av *v)
{
    if (v->kind != AV_BOX || v->maybe_null || v->box->kind != AV_AGG ||
        v->box->names)
        return new_state(r, -1);
    const av *agg = v->box;
    m_state *s = new_state(r, (int)agg->nfields);
    for (uint32_t i = 0; i < agg->nfields; i++)
        s->t[i] = m_tensor(agg->vals[i]);
    return s;
}

/* an op of the cell's computation, with its inputs' deps */
static const sc_tensor *op(mrun *r, const char *name, int dt,
                           const sc_shape *shape, const sc_tensor *a,
                           const sc_tensor *b)
{
    const sc_tensor *in[2] = {a, b};
    return m_op(r, name, dt, shape, in, b ? 2 : 1);
}

/* ---- zero_state ---- */

static bool zero_state(mrun *r, const sc_layer *cell, int64_t batch, int dt,
                       m_state *s, int *k)
{
    sc_engine *e = r->e;
    char ns[64];
    snprintf(ns, sizeof ns, "%sZeroState", class_name(cell->kind));
    m_name_scope(r, sc_istr(e, ns), NO);
    if (r->failed)
        return false;
    if (cell->kind == SC_LAYER_MULTI_RNN) {
        for (int i = 0; i < cell->ncells; i++) {
            const sc_layer *c = cell_of(r, cell->cells[i]);
            if (!c)
                return false;
            if (!zero_state(r, c, batch, dt, s, k))
                return false;
        }
    } else {
        for (int i = 0; i < state_size(r, cell); i++) {
            sc_shape sh = {2, {batch, state_width(r, cell, i)}};
            const sc_tensor *z = m_op(r, "zeros", dt, &sh, NULL, 0);
            if (!z)
                return false;
            s->t[(*k)++] = z;
        }
    }
    return m_exit(r);
}

/* the zero state, or (an unknown cell) a state nobody knows: NULL when
 * the call surely failed */
static const m_state *make_zero_state(mrun *r, const sc_layer *cell,
                                      int64_t batch, int dt)
{
    sc_engine *e = r->e;
    int n = state_size(r, cell);
    if (n < 0) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "zero state");
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(e, ""));
        return new_state(r, -1);
    }
    m_state *s = new_state(r, n);
    int k = 0;
    if (!zero_state(r, cell, batch, dt == SC_DT_TOP ? dt : m_dtype_or_float(dt),
                    s, &k))
        return NULL;
    return s;
}

/* ---- build ---- */

int m_cell_build(mrun *r, sc_layer *l, const m_call *c)
{
    sc_engine *e = r->e;
    const sc_tensor *x = c->input;
    const sc_shape *xs = x ? &x->shape : &m_unknown_shape;
    int64_t depth = xs->rank > 0 ? xs->dims[xs->rank - 1]
                    : xs->rank == SC_TOP_RANK ? SC_TOP_DIM : -1;
    if (m_check(r, dim_top(depth) ? (depth == SC_DIM_DEFINED ? NO : MAYBE)
                   : depth < 0,
                VS_ERR_UNDEFINED_SHAPE,
                "Expected inputs.shape[-1] to be known, saw shape: %s",
                m_shape_str(e, xs)))
        return -1;
    int fl = m_dtype_floating(l->dtype);
    if (m_check(r, fl == NO ? YES : fl == MAYBE ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT,
                "RNN cell only supports floating point inputs, but saw dtype: "
                "<dtype: '%s'>", m_dtype_name(l->dtype)))
        return -1;
    int64_t u = l->units, h = output_size(r, l);
    int dt = l->dtype;
    sc_init ki = l->kernel_init, zeros = {VS_INIT_ZEROS, NULL};
    bool known = !dim_top(u) && !dim_top(depth);
#define SH1(a) (&(sc_shape){1, {known ? (a) : SC_DIM_DEFINED}})
#define SH2(a, b) (&(sc_shape){2, {known ? (a) : SC_DIM_DEFINED, known ? (b) : SC_DIM_DEFINED}})
    switch (l->kind) {
    case SC_LAYER_BASIC_RNN:
        if (!m_add_weight(r, l, "kernel", SH2(depth + u, u), dt, ki, true) ||
            !m_add_weight(r, l, "bias", SH1(u), dt, zeros, true))
            return -1;
        break;
    case SC_LAYER_BASIC_LSTM:
    case SC_LAYER_LSTM:
        if (dim_top(h))
            known = false;
        if (!m_add_weight(r, l, "kernel", SH2(depth + h, 4 * u), dt, ki, true) ||
            !m_add_weight(r, l, "bias", SH1(4 * u), dt, zeros, true))
            return -1;
        if (l->use_peepholes == SC_UNK || dim_top(l->num_proj)) {
            m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "peepholes?");
            return -1;
        }
        if (l->use_peepholes &&
            (!m_add_weight(r, l, "w_f_diag", SH1(u), dt, ki, true) ||
             !m_add_weight(r, l, "w_i_diag", SH1(u), dt, ki, true) ||
             !m_add_weight(r, l, "w_o_diag", SH1(u), dt, ki, true)))
            return -1;
        if (l->num_proj > 0 &&
            !m_add_weight(r, l, "projection/kernel", SH2(u, l->num_proj), dt,
                          ki, true))
            return -1;
        break;
    case SC_LAYER_GRU:
        if (!m_add_weight(r, l, "gates/kernel", SH2(depth + u, 2 * u), dt, ki,
                          true) ||
            !m_add_weight(r, l, "gates/bias", SH1(2 * u), dt,
                          (sc_init){VS_INIT_CONSTANT, NULL}, true) ||
            !m_add_weight(r, l, "candidate/kernel", SH2(depth + u, u), dt, ki,
                          true) ||
            !m_add_weight(r, l, "candidate/bias", SH1(u), dt, zeros, true))
            return -1;
        break;
    default:
        break;
    }
#undef SH1
#undef SH2
    l->built_axis = depth;
    return 0;
}

/* ---- call ---- */

/* array_ops.concat([x, h], 1) in its name scope "concat" */
static const sc_tensor *concat(mrun *r, const sc_tensor *x,
                               const sc_tensor *h)
{
    sc_engine *e = r->e;
    const sc_shape *xs = x ? &x->shape : &m_unknown_shape;
    const sc_shape *hs = h ? &h->shape : &m_unknown_shape;
    if (m_check(r, xs->rank == SC_TOP_RANK ? MAYBE : xs->rank >= 0 && xs->rank != 2,
                VS_ERR_INVALID_ARGUMENT,
                "Shape must be rank 2 but is rank %d for '%sconcat' (op: "
                "'ConcatV2') with input shapes: %s, %s, [].",
                xs->rank, shown(r->g->ns), m_shape_dims(e, xs),
                m_shape_dims(e, hs)))
        return NULL;
    int dx = x ? x->dtype : SC_DT_TOP, dh = h ? h->dtype : SC_DT_TOP;
    if (m_check(r, dx == SC_DT_TOP || dh == SC_DT_TOP ? MAYBE
                   : m_dtype_or_float(dx) != m_dtype_or_float(dh),
                VS_ERR_INVALID_ARGUMENT,
                "Tensors in list passed to 'values' of 'ConcatV2' Op have "
                "types [%s, %s] that don't all match.",
                m_dtype_name(dx), m_dtype_name(dh)))
        return NULL;
    const char *ns = m_name_scope(r, sc_istr(e, "concat"), NO);
    if (r->failed || (m_op_name(r, ns, sc_istr(e, "axis"), NULL, NULL), r->failed) ||
        !m_exit(r))
        return NULL;
    int64_t d1 = xs->rank == 2 ? xs->dims[1] : -1;
    int64_t d2 = hs->rank == 2 ? hs->dims[1] : hs->rank == SC_TOP_RANK ? SC_TOP_DIM : -1;
    sc_shape s = {2, {xs->rank == 2 ? xs->dims[0] : SC_TOP_DIM,
                      d1 >= 0 && d2 >= 0 ? d1 + d2
                      : d1 == -1 || d2 == -1 ? -1 : SC_DIM_VALID}};
    /* the op takes the scope's name, verbatim ("a/concat/") */
    const sc_tensor *in[2] = {x, h};
    const char *opn = m_op_name(r, sc_istr(e, ""), ns, NULL, NULL);
    if (r->failed)
        return NULL;
    sc_tensor *t = m_new_tensor(r, opn, dx, &s);
    m_set_deps(t, e, in, 2);
    return t;
}

/* array_ops.split: its name scope, with the axis converted inside when it
 * is a Python int (split_dim), the op named after the scope */
static bool split(mrun *r, bool split_dim)
{
    sc_engine *e = r->e;
    const char *ns = m_name_scope(r, sc_istr(e, "split"), NO);
    if (r->failed)
        return false;
    if (split_dim && (m_op_name(r, ns, sc_istr(e, "split_dim"), NULL, NULL),
                      r->failed))
        return false;
    if (!m_exit(r))
        return false;
    m_op_name(r, sc_istr(e, ""), ns, NULL, NULL);
    return !r->failed;
}

static const char *act_op(const sc_layer *l)
{
    return l->activation == VS_ACT_RELU      ? "Relu"
           : l->activation == VS_ACT_SIGMOID ? "Sigmoid"
                                             : "Tanh";
}

static const sc_tensor *chain(mrun *r, const sc_layer *l,
                              const char *const *names, size_t n, int dt,
                              const sc_shape *sh, const sc_tensor *gates,
                              const sc_tensor *prev, const sc_tensor **out)
{
    const sc_tensor *t = gates;
    for (size_t i = 0; i < n; i++) {
        const char *name = strcmp(names[i], "Tanh") == 0 ? act_op(l) : names[i];
        t = op(r, name, dt, sh, t, prev);
        if (!t)
            return NULL;
        out[i] = t;
    }
    return t;
}

static const sc_tensor *weight(const sc_layer *l, int i)
{
    return l->nweights > i && l->weights[i] ? l->weights[i]->read : NULL;
}

static const sc_tensor *cell_body(mrun *r, const sc_layer *l, const m_call *c,
                                  m_state *ns)
{
    sc_engine *e = r->e;
    const m_state *st = c->state;
    const sc_tensor *x = c->input;
    int dt = x ? x->dtype : SC_DT_TOP;
    int64_t u = l->units;
    const sc_shape *xs = x ? &x->shape : &m_unknown_shape;
    int64_t batch = xs->rank == 2 ? xs->dims[0] : SC_TOP_DIM;
    sc_shape us = {2, {batch, u}};
    const sc_tensor *t[16];
    if (l->activation == -1 || l->nweights < 0) {
        /* a cell the engine cannot follow in detail */
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "cell");
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(e, ""));
        sc_tensor *o = m_new_tensor(r, NULL, dt, &us);
        const sc_tensor *in[1] = {x};
        m_set_deps(o, e, in, 1);
        o->deps_top = true;
        for (int i = 0; i < ns->n; i++)
            ns->t[i] = o;
        return o;
    }
    switch (l->kind) {
    case SC_LAYER_BASIC_RNN: {
        const sc_tensor *cat = concat(r, x, st->t[0]);
        const sc_tensor *m = cat ? m_matmul(r, cat, weight(l, 0), NULL) : NULL;
        const sc_tensor *b = m ? m_bias_add(r, m, weight(l, 1), NULL) : NULL;
        const sc_tensor *o = b ? m_activate(r, b, l->activation) : NULL;
        if (o)
            ns->t[0] = o;
        return o;
    }
    case SC_LAYER_BASIC_LSTM: {
        /* one = constant(1): "Const"; forget bias: "Const_1" */
        m_op_name(r, r->g->ns, sc_istr(e, "Const"), NULL, NULL);
        if (r->failed)
            return NULL;
        const sc_tensor *cat = concat(r, x, st->t[1]);
        const sc_tensor *m = cat ? m_matmul(r, cat, weight(l, 0), NULL) : NULL;
        const sc_tensor *b = m ? m_bias_add(r, m, weight(l, 1), NULL) : NULL;
        if (!b || !split(r, false) ||
            (m_op_name(r, r->g->ns, sc_istr(e, "Const"), NULL, NULL), r->failed))
            return NULL;
        static const char *const names[] = {
            "Add", "Sigmoid", "Mul", "Sigmoid", "Tanh", "Mul", "Add", "Tanh",
            "Sigmoid", "Mul"};
        if (!chain(r, l, names, 10, dt, &us, b, st->t[0], t))
            return NULL;
        ns->t[0] = t[6];
        ns->t[1] = t[9];
        return t[9];
    }
    case SC_LAYER_LSTM: {
        const sc_tensor *cat = concat(r, x, st->t[1]);
        const sc_tensor *m = cat ? m_matmul(r, cat, weight(l, 0), NULL) : NULL;
        const sc_tensor *b = m ? m_bias_add(r, m, weight(l, 1), NULL) : NULL;
        if (!b || !split(r, true))
            return NULL;
        const sc_tensor *mo;
        int cidx;
        if (l->use_peepholes) {
            static const char *const names[] = {
                "add", "mul", "add", "Sigmoid", "mul", "mul", "add", "Sigmoid",
                "Tanh", "mul", "add", "mul", "add", "Sigmoid", "Tanh", "mul"};
            if (!chain(r, l, names, 16, dt, &us, b, st->t[0], t))
                return NULL;
            cidx = 10;
            mo = t[15];
        } else {
            static const char *const names[] = {
                "add", "Sigmoid", "mul", "Sigmoid", "Tanh", "mul", "add",
                "Sigmoid", "Tanh", "mul"};
            if (!chain(r, l, names, 10, dt, &us, b, st->t[0], t))
                return NULL;
            cidx = 6;
            mo = t[9];
        }
        if (l->num_proj > 0) {
            mo = m_matmul(r, mo, weight(l, l->use_peepholes ? 5 : 2), NULL);
            if (!mo)
                return NULL;
        }
        ns->t[0] = t[cidx];
        ns->t[1] = mo;
        return mo;
    }
    case SC_LAYER_GRU: {
        const sc_tensor *cat = concat(r, x, st->t[0]);
        const sc_tensor *m = cat ? m_matmul(r, cat, weight(l, 0), NULL) : NULL;
        const sc_tensor *b = m ? m_bias_add(r, m, weight(l, 1), NULL) : NULL;
        sc_shape two = {2, {batch, dim_top(u) ? u : 2 * u}};
        const sc_tensor *sg = b ? op(r, "Sigmoid", dt, &two, b, NULL) : NULL;
        if (!sg || !split(r, true))
            return NULL;
        const sc_tensor *rr = op(r, "mul", dt, &us, sg, st->t[0]);
        const sc_tensor *cat2 = rr ? concat(r, x, rr) : NULL;
        const sc_tensor *m2 = cat2 ? m_matmul(r, cat2, weight(l, 2), NULL) : NULL;
        const sc_tensor *b2 = m2 ? m_bias_add(r, m2, weight(l, 3), NULL) : NULL;
        const sc_tensor *cand = b2 ? m_activate(r, b2, l->activation) : NULL;
        if (!cand)
            return NULL;
        static const char *const names[] = {"mul", "sub", "mul", "add"};
        if (!chain(r, l, names, 4, dt, &us, cand, sg, t))
            return NULL;
        ns->t[0] = t[3];
        return t[3];
    }
    default:
        return NULL;
    }
}

static const sc_tensor *invoke(mrun *r, uint32_t cell, const sc_tensor *x,
                               const m_state *st, m_state *out);

/* MultiRNNCell.call */
static const sc_tensor *multi_body(mrun *r, const sc_layer *l,
                                   const m_call *c, m_state *ns)
{
    sc_engine *e = r->e;
    const sc_tensor *cur = c->input;
    int k = 0;
    for (int i = 0; i < l->ncells; i++) {
        const sc_layer *ci = cell_of(r, l->cells[i]);
        int n = state_size(r, ci);
        if (n < 0 || c->state->n < 0) {
            m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "cell state");
            return NULL;
        }
        const sc_scope *s = m_enter(r, &(m_enter_req){
            .name = sc_fmt(e, "cell_%d", i), .name_null = NO, .dflt_null = YES,
            .reuse = VS_REUSE_INHERIT, .init_kind = VS_INIT_NONE, .no_ns = NO});
        if (!s)
            return NULL;
        m_state *sub = new_state(r, n), *got = new_state(r, n);
        memcpy(sub->t, c->state->t + k, (size_t)n * sizeof *sub->t);
        cur = invoke(r, l->cells[i], cur, sub, got);
        if (!cur || !m_exit(r))
            return NULL;
        memcpy(ns->t + k, got->t, (size_t)n * sizeof *ns->t);
        k += n;
    }
    return cur;
}

const sc_tensor *m_cell_body(mrun *r, const sc_layer *l, const m_call *c)
{
    m_state *ns = c->new_state;
    if (l->kind == SC_LAYER_MULTI_RNN && l->ncells < 0) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "cells");
        return NULL;
    }
    return l->kind == SC_LAYER_MULTI_RNN ? multi_body(r, l, c, ns)
                                         : cell_body(r, l, c, ns);
}

/* cell(inputs, state): a LayerRNNCell straight through Layer.__call__;
 * an RNNCell (MultiRNNCell) first re-enters, with a name scope, the
 * variable scope current at its first call */
static const sc_tensor *invoke(mrun *r, uint32_t id, const sc_tensor *x,
                               const m_state *st, m_state *out)
{
    sc_engine *e = r->e;
    const sc_layer *cell = cell_of(r, id);
    int n = state_size(r, cell);
    if (!cell || n < 0 || st->n < 0) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "cell unknown");
        if (!r->failed) {
            r->g->store_unknown = plist_add(e, r->g->store_unknown, sc_istr(e, ""));
            r->g->names_unknown = plist_add(e, r->g->names_unknown, sc_istr(e, ""));
            r->g->vars = vlist_push(e, r->g->vars, NULL);
            m_collect(r, VS_TRAINABLE_VARIABLES, NULL);
        }
        out->n = -1;
        sc_tensor *t = m_new_tensor(r, NULL, x ? x->dtype : SC_DT_TOP,
                                    &m_unknown_shape);
        t->deps_top = true;
        return r->failed ? NULL : t;
    }
    if (m_check(r, st->n != n, VS_ERR_INVALID_ARGUMENT,
                "%s: the state has %d tensors, the cell's has %d",
                shown(cell->name), st->n, n))
        return NULL;
    for (int i = 0; i < st->n; i++) {
        const sc_shape *s = st->t[i] ? &st->t[i]->shape : &m_unknown_shape;
        int64_t want = state_width(r, cell, i);
        int64_t w = s->rank == 2 ? s->dims[1] : -1;
        int bad = s->rank == SC_TOP_RANK ? MAYBE
                  : s->rank < 0 ? NO
                  : s->rank != 2 ? YES
                  : dim_top(w) || dim_top(want) ? (w == -1 ? NO : MAYBE)
                                                 : w >= 0 && w != want;
        if (m_check(r, bad, VS_ERR_INVALID_ARGUMENT,
                    "%s: state tensor %d (%s) has shape %s, the cell expects "
                    "(?, %lld)", shown(cell->name), i,
                    shown(st->t[i] ? st->t[i]->name : NULL),
                    m_shape_str(e, s), (long long)want))
            return NULL;
    }
    out->n = n;
    m_call c = {x, st, out, NO};
    if (cell->kind != SC_LAYER_MULTI_RNN)
        return m_layer_call(r, id, &c);
    sc_layer *l = sc_alloc(&e->arena, sizeof *l);
    *l = *cell;
    const sc_scope *cached = l->rnncell_known ? graph_scope(r->g, l->rnncell_scope)
                                              : NULL;
    if (l->rnncell_known && !l->rnncell_scope) {
        /* a copy of the current scope, kept */
        const sc_scope *cur = m_current_scope(r);
        sc_scope *copy = sc_alloc(&e->arena, sizeof *copy);
        if (cur)
            *copy = *cur;
        else
            *copy = (sc_scope){.reuse = -1, .dtype = -1, .init_kind = -1};
        copy->id = sc_new_id(e);
        copy->is_root = false;
        graph_put_scope(e, r->g, copy);
        l->rnncell_scope = copy->id;
        cached = copy;
        m_layer_store(r, l, id);
    }
    if (!m_reenter(r, cached, VS_REUSE_INHERIT, VS_DTYPE_DEFAULT, VS_INIT_NONE,
                   NULL, NO))
        return NULL;
    const sc_tensor *o = m_layer_call(r, id, &c);
    if (!o || !m_exit(r))
        return NULL;
    return o;
}

/* ---- the public calls ---- */

static const char *check_cell(mrun *r, const av *cell, int *tri)
{
    int nt = m_null_tri(cell);
    *tri = nt;
    if (nt == YES)
        return "cell is NULL";
    const sc_obj *o = cell->kind == AV_OBJ ? graph_obj(r->g, cell->id) : NULL;
    if (!o) {
        *tri = MAYBE;
        return "the cell belongs to another graph";
    }
    if (o->kind != SC_OBJ_LAYER || !m_is_cell(o->layer.kind)) {
        *tri = YES;
        return "is not an RNNCell: 'output_size' property is missing, "
               "'state_size' property is missing, either 'zero_state' or "
               "'get_initial_state' method is required, is not callable.";
    }
    return "";
}

static sc_layer *cell_new(mrun *r, sc_layer_kind kind, const char *base,
                          const av *units, const av *opts)
{
    int64_t u = units->kind == AV_INT ? units->i : SC_TOP_DIM;
    const av *np = m_field(r, opts, "num_proj");
    int64_t num_proj = np->kind == AV_INT ? np->i : SC_TOP_DIM;
    if (m_check(r, dim_top(u) ? MAYBE : u <= 0, VS_ERR_INVALID_ARGUMENT,
                "num_units must be a positive integer, got %lld", (long long)u) ||
        m_check(r, dim_top(num_proj) ? MAYBE : num_proj < 0,
                VS_ERR_INVALID_ARGUMENT,
                "num_proj must be positive or 0 (None), got %lld",
                (long long)num_proj))
        return NULL;
    sc_init ki = m_init_arg(r, m_field(r, opts, "initializer"));
    if (m_check(r, ki.kind == -1 ? MAYBE
                   : ki.kind < 0 || ki.kind > M_INIT_LAST ? YES
                   : ki.kind == VS_INIT_VALUE && !ki.value ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT,
                "initializer is not valid (a value initializer needs a "
                "tensor)"))
        return NULL;
    int name_null;
    const char *name = m_str(r, m_field(r, opts, "name"), &name_null);
    const av *rv = m_field(r, opts, "reuse"), *act = m_field(r, opts, "activation");
    int reuse = rv->kind == AV_INT ? (int)rv->i : -1;
    int activation = act->kind == AV_INT ? (int)act->i : -1;
    if (!m_check_layer_args(r, name, name_null, reuse, activation))
        return NULL;
    sc_layer *l = m_layer_new(r, kind, base, name, name_null, reuse,
                              m_flag(m_field(r, opts, "not_trainable")));
    l->units = u;
    /* activation=None is the default, tanh (`activation or tanh`) */
    l->activation = activation == VS_ACT_DEFAULT || activation == VS_ACT_NONE
                        ? VS_ACT_TANH
                        : activation;
    l->kernel_init = ki;
    if (kind == SC_LAYER_LSTM) {
        int pp = m_flag(m_field(r, opts, "use_peepholes"));
        l->use_peepholes = pp == MAYBE ? SC_UNK : pp;
        l->num_proj = num_proj;
    }
    return l;
}

static const av *op_multi(mrun *r, const av **a)
{
    const av *opts = m_options_arg(r, a);
    bool known;
    int64_t n = m_int(a[2], &known);
    int cn = m_null_tri(a[1]);
    if (m_check(r, cn == YES || (known && n == 0) ? YES
                   : cn == MAYBE || !known ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT,
                "Must specify at least one cell for MultiRNNCell."))
        return NULL;
    uint32_t cells[SC_MAX_CELLS];
    int ncells = known && n <= SC_MAX_CELLS ? (int)n : -1;
    for (int i = 0; i < ncells; i++) {
        const av *c = m_array_elem(r, a[1], i);
        int tri;
        check_cell(r, c, &tri);
        if (m_check(r, tri, VS_ERR_INVALID_ARGUMENT,
                    "MultiRNNCell: cells[%d] is not an RNN cell of this graph",
                    i))
            return NULL;
        if (c->kind != AV_OBJ || !c->id)
            ncells = -1;
        else
            cells[i] = c->id;
    }
    if (ncells < 0)
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "cells unknown");
    int name_null;
    const char *name = m_str(r, m_field(r, opts, "name"), &name_null);
    const av *rv = m_field(r, opts, "reuse");
    int reuse = rv->kind == AV_INT ? (int)rv->i : -1;
    if (r->failed || !m_check_layer_args(r, name, name_null, reuse, VS_ACT_DEFAULT))
        return NULL;
    sc_layer *l = m_layer_new(r, SC_LAYER_MULTI_RNN, "multi_rnn_cell", name,
                              name_null, reuse,
                              m_flag(m_field(r, opts, "not_trainable")));
    l->ncells = ncells;
    if (ncells > 0)
        memcpy(l->cells, cells, (size_t)ncells * sizeof *cells);
    return av_obj(r->e, AV_OBJ, m_layer_store(r, l, 0), false);
}

/* rnn._transpose_batch_time: ops Rank, range, concat, transpose (a tensor
 * of rank < 2 is left alone) */
static const sc_tensor *transpose(mrun *r, const sc_tensor *x,
                                  const char *name)
{
    sc_engine *e = r->e;
    const sc_shape *xs = x ? &x->shape : &m_unknown_shape;
    if (xs->rank >= 0 && xs->rank < 2)
        return x;
    if (xs->rank == SC_TOP_RANK) {
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(e, ""));
        sc_tensor *t = m_new_tensor(r, NULL, x ? x->dtype : SC_DT_TOP, xs);
        const sc_tensor *in[1] = {x};
        m_set_deps(t, e, in, 1);
        return t;
    }
    static const char *const marks[] = {"Rank", "range", "concat"};
    for (size_t i = 0; i < 3; i++) {
        m_op_name(r, r->g->ns, sc_istr(e, marks[i]), NULL, NULL);
        if (r->failed)
            return NULL;
    }
    sc_shape s = *xs;
    if (s.rank >= 2) {
        s.dims[0] = xs->dims[1];
        s.dims[1] = xs->dims[0];
    }
    return op(r, name, x ? x->dtype : SC_DT_TOP, &s, x, NULL);
}

static const sc_tensor *dynamic_rnn(mrun *r, uint32_t cell, const av *inputs,
                                    const av *opts, const m_state **final)
{
    sc_engine *e = r->e;
    int sn;
    const char *scope = m_str(r, m_field(r, opts, "scope"), &sn);
    m_enter_req q = m_enter_name(sn == YES ? sc_istr(e, "rnn") : scope,
                                 VS_REUSE_INHERIT);
    if (sn == MAYBE && !scope)
        q.name_null = MAYBE, q.dflt = sc_istr(e, "rnn"), q.dflt_null = NO;
    if (!m_enter(r, &q))
        return NULL;
    int tm = m_flag(m_field(r, opts, "time_major"));
    const sc_tensor *in = m_tensor(inputs);
    if (tm == MAYBE) {
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "time major?");
        r->g->names_unknown = plist_add(e, r->g->names_unknown, sc_istr(e, ""));
    }
    const sc_tensor *x = tm == YES ? in : transpose(r, in, "transpose");
    if (r->failed)
        return NULL;
    const sc_shape *xs = x ? &x->shape : &m_unknown_shape;
    int64_t batch = xs->rank >= 2 ? xs->dims[1] : xs->rank == SC_TOP_RANK
                                                      ? SC_TOP_DIM : -1;
    const av *init = m_field(r, opts, "initial_state");
    int inull = m_null_tri(init);
    const m_state *state;
    const sc_layer *cl = cell_of(r, cell);
    if (inull != NO) {
        int dt = m_dtype_of(m_field(r, opts, "dtype"));
        if (inull == MAYBE)
            m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "initial state?");
        if (m_check(r, dt == SC_DT_TOP ? MAYBE : dt == VS_DTYPE_DEFAULT,
                    VS_ERR_INVALID_ARGUMENT,
                    "If there is no initial_state, you must give a dtype."))
            return NULL;
        state = cl ? make_zero_state(r, cl, batch, dt) : new_state(r, -1);
        if (!state)
            return NULL;
    } else {
        state = state_arg(r, init);
    }
    /* _dynamic_rnn_loop */
    sc_shape s3 = {1, {3}}, sc0 = {0, {0}};
    if (!m_op(r, "Shape", VS_INT32, &s3, NULL, 0) ||
        !m_op(r, "strided_slice", VS_INT32, &sc0, NULL, 0))
        return NULL;
    if (m_check(r, xs->rank == SC_TOP_RANK ? MAYBE : xs->rank >= 0 && xs->rank < 3,
                VS_ERR_INVALID_ARGUMENT, "Shape %s must have rank at least 3",
                m_shape_str(e, xs)))
        return NULL;
    int known = xs->rank >= 3 ? YES : xs->rank == SC_TOP_RANK ? MAYBE : NO;
    for (int i = 2; known == YES && i < xs->rank; i++)
        known = xs->dims[i] >= 0 || xs->dims[i] == SC_DIM_DEFINED ? YES
                : dim_top(xs->dims[i]) ? MAYBE : NO;
    if (m_check(r, known == MAYBE ? MAYBE : known == NO, VS_ERR_UNDEFINED_SHAPE,
                "Input size (depth of inputs) must be accessible via shape "
                "inference, but saw value None."))
        return NULL;
    const char *outer = r->g->ns;
    if ((m_op_name(r, outer, sc_istr(e, "time"), NULL, NULL), r->failed))
        return NULL;
    m_unique_name(r, outer, sc_istr(e, "dynamic_rnn"), NULL, NULL);
    if ((m_op_name(r, outer, sc_istr(e, "TensorArray"), NULL, NULL), r->failed) ||
        (m_op_name(r, outer, sc_istr(e, "TensorArray"), NULL, NULL), r->failed))
        return NULL;
    /* the loop body, once, in the name scope "while" */
    const char *wns = m_name_scope(r, sc_istr(e, "while"), NO);
    if (r->failed)
        return NULL;
    sc_shape in_t = {2, {xs->rank >= 3 ? xs->dims[1] : SC_TOP_DIM,
                         xs->rank >= 3 ? xs->dims[2] : SC_TOP_DIM}};
    const sc_tensor *x_t = op(r, "TensorArrayReadV3", x ? x->dtype : SC_DT_TOP,
                              &in_t, x, NULL);
    m_state *ns = new_state(r, state->n > 0 ? state->n : 1);
    const sc_tensor *y = x_t ? invoke(r, cell, x_t, state, ns) : NULL;
    if (!y)
        return NULL;
    /* the loop's exits: iteration counter, time, output array, state */
    m_state *fs = new_state(r, ns->n > 0 ? ns->n : 1);
    fs->n = ns->n;
    for (int i = 0; i < 3; i++)
        if ((m_op_name(r, wns, sc_istr(e, "Exit"), NULL, NULL), r->failed))
            return NULL;
    for (int i = 0; i < ns->n; i++) {
        const sc_tensor *t = ns->t[i];
        fs->t[i] = op(r, "Exit", t ? t->dtype : SC_DT_TOP,
                      t ? &t->shape : &m_unknown_shape, t, NULL);
        if (!fs->t[i])
            return NULL;
    }
    if (ns->n < 0)
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        wns ? wns : sc_istr(e, ""));
    if (!m_exit(r))
        return NULL;
    /* outputs: the array stacked [time, batch, depth], then transposed */
    const char *sns = m_name_scope(r, sc_istr(e, "TensorArrayStack"), NO);
    if (r->failed)
        return NULL;
    sc_shape os = {3, {xs->rank >= 3 ? xs->dims[0] : SC_TOP_DIM,
                       xs->rank >= 3 ? xs->dims[1] : SC_TOP_DIM,
                       output_size(r, cl)}};
    (void)sns;
    const sc_tensor *out = op(r, "TensorArrayGatherV3", y->dtype, &os, y, NULL);
    if (!out || !m_exit(r))
        return NULL;
    if (tm != YES) {
        static const char *const marks[] = {"Rank", "range"};
        for (size_t i = 0; i < 2; i++)
            if ((m_op_name(r, r->g->ns, sc_istr(e, marks[i]), NULL, NULL),
                 r->failed))
                return NULL;
        sc_shape bs = {3, {os.dims[1], os.dims[0], os.dims[2]}};
        out = op(r, "transpose", out->dtype, &bs, out, NULL);
    }
    if (!out || !m_exit(r))
        return NULL;
    *final = fs;
    return out;
}

const av *m_rnn_op(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    vs_fn_id fn = vs__fn_id(r->fn);
    if (fn == VS_FN_vs_rnn_state_size || fn == VS_FN_vs_rnn_state_tensor) {
        const m_state *s = state_arg(r, a[0]);
        if (fn == VS_FN_vs_rnn_state_size)
            return m_null_tri(a[0]) == YES ? av_int(e, 0)
                   : s->n >= 0 ? av_int(e, s->n) : av_top();
        bool known;
        int64_t i = m_int(a[1], &known);
        if (m_null_tri(a[0]) == YES)
            return av_null();
        if (s->n < 0 || !known)
            return av_top();
        if (i < 0 || i >= s->n)
            return av_null();
        return s->t[i] ? av_tensor(e, s->t[i], false) : av_top();
    }
    bool ctor = fn == VS_FN_vs_basic_rnn_cell || fn == VS_FN_vs_basic_lstm_cell ||
                fn == VS_FN_vs_lstm_cell || fn == VS_FN_vs_gru_cell ||
                fn == VS_FN_vs_multi_rnn_cell;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL
               : ctor ? av_obj(e, AV_OBJ, 0, true)
               : fn == VS_FN_vs_rnn_zero_state ? av_or_null(e, av_box(e, av_top()))
                                               : av_tensor(e, NULL, true);
    sc_layer *l = NULL;
    switch (fn) {
    case VS_FN_vs_basic_rnn_cell:
        l = cell_new(r, SC_LAYER_BASIC_RNN, "basic_rnn_cell", a[1], m_options_arg(r, a));
        break;
    case VS_FN_vs_basic_lstm_cell:
        l = cell_new(r, SC_LAYER_BASIC_LSTM, "basic_lstm_cell", a[1], m_options_arg(r, a));
        break;
    case VS_FN_vs_lstm_cell:
        l = cell_new(r, SC_LAYER_LSTM, "lstm_cell", a[1], m_options_arg(r, a));
        break;
    case VS_FN_vs_gru_cell:
        l = cell_new(r, SC_LAYER_GRU, "gru_cell", a[1], m_options_arg(r, a));
        break;
    case VS_FN_vs_multi_rnn_cell:
        return op_multi(r, a);
    default:
        break;
    }
    if (ctor)
        return l && !r->failed ? av_obj(e, AV_OBJ, m_layer_store(r, l, 0), false)
                               : NULL;
    int tri;
    const char *bad = check_cell(r, a[1], &tri);
    if (m_check(r, tri, VS_ERR_INVALID_ARGUMENT, "The argument 'cell' %s", bad))
        return NULL;
    uint32_t cell = a[1]->kind == AV_OBJ ? a[1]->id : 0;
    const sc_layer *cl = cell_of(r, cell);
    switch (fn) {
    case VS_FN_vs_rnn_zero_state: {
        int64_t batch = a[2]->kind == AV_INT ? a[2]->i : SC_TOP_DIM;
        int dt = m_dtype_of(a[3]);
        if (m_check(r, dim_top(batch) || dt == SC_DT_TOP
                       ? MAYBE
                       : batch < -1 || !vs__dtype_valid((vs_dtype)dt),
                    VS_ERR_INVALID_ARGUMENT,
                    "zero_state: batch_size must be -1 (unknown) or more, and "
                    "dtype a vs_dtype value"))
            return NULL;
        const m_state *s = make_zero_state(r, cl, batch, dt);
        return s ? state_value(r, s) : NULL;
    }
    case VS_FN_vs_rnn_cell_call: {
        int xn = m_null_tri(a[2]), sn = m_null_tri(a[3]);
        if (m_check(r, xn == YES || sn == YES ? YES : xn || sn ? MAYBE : NO,
                    VS_ERR_INVALID_ARGUMENT, "cell call: %s is NULL",
                    xn == YES ? "input" : "state"))
            return NULL;
        m_state *ns = new_state(r, state_size(r, cl) > 0 ? state_size(r, cl) : 1);
        const sc_tensor *out = invoke(r, cell, m_tensor(a[2]), state_arg(r, a[3]),
                                      ns);
        if (!out)
            return NULL;
        const av *opts = m_options_arg(r, a);
        const av *p = m_field(r, opts, "new_state");
        if (m_null_tri(p) != YES) {
            r->out_ptr = p;
            r->out_val = state_value(r, ns);
        }
        return av_tensor(e, out, false);
    }
    case VS_FN_vs_dynamic_rnn: {
        const av *opts = m_options_arg(r, a);
        int in = m_null_tri(a[2]);
        int dt = m_dtype_of(m_field(r, opts, "dtype"));
        int sn;
        const char *scope = m_str(r, m_field(r, opts, "scope"), &sn);
        if (m_check(r, in, VS_ERR_INVALID_ARGUMENT, "dynamic_rnn: inputs is NULL") ||
            m_check(r, m_dtype_invalid(dt), VS_ERR_INVALID_ARGUMENT,
                    VS_MSG_DTYPE_INVALID) ||
            m_check(r, sn == NO && scope && !scope[0], VS_ERR_INVALID_NAME,
                    VS_MSG_EMPTY_SCOPE_NAME))
            return NULL;
        const m_state *fs = NULL;
        const sc_tensor *out = dynamic_rnn(r, cell, a[2], opts, &fs);
        if (!out)
            return NULL;
        const av *p = m_field(r, opts, "final_state");
        if (m_null_tri(p) != YES) {
            r->out_ptr = p;
            r->out_val = state_value(r, fs);
        }
        return av_tensor(e, out, false);
    }
    default:
        return av_top();
    }
}
