/* The varscope library's calls, over abstract state: argument decoding,
 * graphs, initializers, the reads of what the graph holds, and the
 * dispatch that runs a call and turns its checks into paths and events.
 * See model_int.h. */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "model_int.h"
#include "varscope.h"

const sc_shape m_unknown_shape = {SC_TOP_RANK, {0}};

/* ---- decoding arguments ---- */

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

void m_why_null(mrun *r, const av *v)
{
    if (v->why && !r->where.other.unit)
        r->where.other = *v->why;
}

int m_null_tri(const av *v)
{
    if (v->kind == AV_NULL || (v->kind == AV_INT && v->i == 0))
        return YES;
    if (v->kind == AV_TOP || v->maybe_null)
        return MAYBE;
    return NO;
}

const av *m_deref(mrun *r, const av *p)
{
    if (p->kind == AV_BOX || p->kind == AV_REF)
        return mem_peek(r->e, r->st, p);
    return av_top();
}

const av *m_array_elem(mrun *r, const av *p, int64_t i)
{
    if (p->kind == AV_REF && p->elem)
        return mem_peek(r->e, r->st, mem_add(r->e, p, av_int(r->e, i)));
    /* an array compound literal passed as the pointer ((T *[]){a, b})
     * is its aggregate */
    const av *arr = p->kind == AV_AGG ? p : m_deref(r, p);
    if (arr->kind == AV_AGG && !arr->names)
        return i >= 0 && (uint64_t)i < arr->nfields ? arr->vals[i] : av_top();
    /* p points at one object, not into an array (&x): p[0] is *p */
    return i == 0 && p->kind == AV_REF ? arr : av_top();
}

const av *m_field(mrun *r, const av *agg, const char *name)
{
    return av_field(r->e, agg, sc_istr(r->e, name));
}

const av *m_options(mrun *r, const av *p)
{
    if (m_null_tri(p) == YES)
        return av_agg(r->e, 0, NULL, NULL, true);
    return m_deref(r, p);
}

int64_t m_int(const av *v, bool *known)
{
    *known = v->kind == AV_INT;
    return *known ? v->i : 0;
}

int m_flag(const av *v)
{
    return v->kind == AV_INT ? v->i != 0 : av_truth(v) == 1 ? YES : MAYBE;
}

/* A char array arrives as a pointer into the variable holding its text
 * (mem.h reads its bytes). */
const char *m_str(mrun *r, const av *v, int *null)
{
    *null = m_null_tri(v);
    if (!r->st)
        return v->kind == AV_STR && !v->maybe_null && !v->open ? v->s : NULL;
    return mem_string(r->e, r->st, v);
}

int m_dtype_of(const av *v)
{
    return v->kind == AV_INT ? (int)v->i : SC_DT_TOP;
}

/* A dimension: known, or unknown but within bounds that keep it valid
 * (>= -1, as any dimension read from a shape is) or defined (>= 0). */
int64_t m_dim_of(const av *d)
{
    bool has_lo, has_hi;
    int64_t lo, hi;
    if (d->kind == AV_INT)
        return d->i;
    if (!av_bounds(d, &has_lo, &lo, &has_hi, &hi) || !has_lo || lo < -1)
        return SC_TOP_DIM;
    return lo >= 0 ? SC_DIM_DEFINED : SC_DIM_VALID;
}

sc_shape m_shape_of(mrun *r, const av *s, bool *unknown)
{
    sc_shape sh = {SC_TOP_RANK, {0}};
    *unknown = true;
    if (s->kind != AV_AGG)
        return sh;
    const av *rank = m_field(r, s, "rank"), *dims = m_field(r, s, "dims");
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
        sh.dims[i] = m_dim_of(d);
    }
    *unknown = false;
    return sh;
}

const sc_tensor *m_tensor(const av *v)
{
    return v->kind == AV_TENSOR ? v->t : NULL;
}

/* An initializer's kind, -1 when unknown.  A variance scaling whose mode
 * or distribution is no enumerator is no valid kind (vs__init_valid,
 * src/varscope/format.c). */
int m_init_of(mrun *r, const av *init, const av **value)
{
    *value = m_field(r, init, "value");
    const av *k = m_field(r, init, "kind");
    if (k->kind != AV_INT)
        return -1;
    if (k->i == VS_INIT_VARIANCE_SCALING) {
        const av *mode = m_field(r, init, "mode");
        const av *dist = m_field(r, init, "distribution");
        if (mode->kind != AV_INT || dist->kind != AV_INT)
            return -1;
        if ((uint64_t)mode->i > VS_FAN_AVG ||
            (uint64_t)dist->i > VS_DIST_UNIFORM)
            return M_INIT_INVALID;
    }
    return (int)k->i;
}

/* an initializer field of an options struct, as a layer keeps it */
sc_init m_init_arg(mrun *r, const av *init)
{
    const av *value = av_null();
    int kind = init->kind == AV_AGG ? m_init_of(r, init, &value)
               : init->kind == AV_INT && init->i == 0 ? VS_INIT_NONE
                                                      : -1;
    return (sc_init){kind, kind == VS_INIT_VALUE ? m_tensor(value) : NULL};
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

/* The working copy of gs.  Updates made in place to another graph are
 * put back: that graph's copy is dropped, so they must not stay. */
sc_graph *m_copy_graph(mrun *r, const sc_graph *gs)
{
    if (r->undo && r->undo_graph != gs->id)
        m_put_back(r);
    r->undo_graph = gs->id;
    if (r->undo && gs->edit && gs->edit == r->edit) {
        /* copied by an earlier call on this state, which alone holds it */
        if (!r->in_place) {
            r->in_place = (sc_graph *)(uintptr_t)gs;
            r->saved = *gs;
        }
        r->g = r->in_place;
        return r->g;
    }
    r->g = graph_copy(r->e, gs);
    if (r->undo) {
        r->g->edit = r->edit;     /* the next call on the state: in place */
        r->g->counts_edit = sc_new_edit_for(r->e, r->g);
    }
    return r->g;
}

void m_put_back(mrun *r)
{
    if (!r->undo)
        return;
    pm_undo_rollback(r->undo);
    if (r->in_place)
        *r->in_place = r->saved;
    r->in_place = NULL;
}

bool m_use_graph(mrun *r, const av *g)
{
    int nt = m_null_tri(g);
    m_why_null(r, g);
    if (m_check(r, nt, VS_ERR_INVALID_ARGUMENT, VS_MSG_GRAPH_NULL))
        return false;
    const sc_graph *gs = live_graph(r->st, g);
    if (!gs)
        return false;
    m_copy_graph(r, gs);
    return true;
}

const sc_graph *model_graph_arg(const sc_state *st, const av *g)
{
    return m_null_tri(g) == YES ? NULL : live_graph(st, g);
}

/* the object o designates, and its graph as the working copy */
const sc_obj *m_use_obj_graph(mrun *r, const av *o)
{
    if (o->kind != AV_OBJ || !o->id)
        return NULL;
    for (uint32_t i = 0; i < r->st->ngraphs; i++) {
        const sc_obj *ob = graph_obj(r->st->graphs[i], o->id);
        if (ob) {
            if (r->st->graphs[i]->freed)
                return NULL;
            if (!r->g || r->g->id != r->st->graphs[i]->id)
                m_copy_graph(r, r->st->graphs[i]);
            return ob;
        }
    }
    return NULL;
}

const sc_scope *m_scope_arg(mrun *r, const av *v)
{
    if (v->kind != AV_SCOPE)
        return NULL;
    if (r->g) {
        const sc_scope *s = graph_scope(r->g, v->id);
        if (s)
            return s;
    }
    for (uint32_t i = 0; i < r->st->ngraphs; i++) {
        const sc_scope *s = graph_scope(r->st->graphs[i], v->id);
        if (s)
            return s;
    }
    return NULL;
}

const sc_scope *m_current_scope(mrun *r)
{
    return graph_scope(r->g, r->g->current);
}

sc_tensor *m_new_tensor(mrun *r, const char *op, int dtype,
                        const sc_shape *shape)
{
    sc_tensor *t = sc_alloc(&r->e->arena, sizeof *t);
    t->name = op ? m_cat(r->e, op, ":0", "") : NULL;
    t->dtype = dtype;
    t->shape = *shape;
    return t;
}

uint32_t m_new_obj_id(mrun *r)
{
    return sc_new_id(r->e);
}

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
    if (m_null_tri(graph_arg(r, a)) == YES || !m_use_graph(r, graph_arg(r, a)))
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

/* vs_set_random_seed: seeds change numbers, not names */
static const av *op_set_seed(mrun *r, const av **a)
{
    (void)a;
    r->g = NULL;
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

/* vs_init_variance_scaling(scale, mode, distribution): the mode and the
 * distribution decide whether the library takes it */
static const av *op_init_vs(mrun *r, const av **a)
{
    const av *base = init_agg(r, VS_INIT_VARIANCE_SCALING, NULL);
    base = av_with_field(r->e, base, sc_istr(r->e, "mode"), a[1]);
    return av_with_field(r->e, base, sc_istr(r->e, "distribution"), a[2]);
}

/* vs_init_seed(init, seed): the same initializer */
static const av *op_init_seed(mrun *r, const av **a)
{
    (void)r;
    return a[0];
}

#define INIT_OP(fname, k)                                                   \
    static const av *fname(mrun *r, const av **a)                           \
    {                                                                       \
        (void)a;                                                            \
        return init_agg(r, k, NULL);                                        \
    }
INIT_OP(op_init_zeros, VS_INIT_ZEROS)
INIT_OP(op_init_ones, VS_INIT_ONES)
INIT_OP(op_init_constant, VS_INIT_CONSTANT)
INIT_OP(op_init_glorot, VS_INIT_GLOROT_UNIFORM)
INIT_OP(op_init_normal, VS_INIT_RANDOM_NORMAL)
INIT_OP(op_init_truncated, VS_INIT_TRUNCATED_NORMAL)
INIT_OP(op_init_uniform, VS_INIT_RANDOM_UNIFORM)
INIT_OP(op_init_glorot_normal, VS_INIT_GLOROT_NORMAL)

/* he_normal, he_uniform: variance scaling with a known mode (fan_in) */
static const av *op_init_he(mrun *r, const av **a)
{
    (void)a;
    const av *base = init_agg(r, VS_INIT_VARIANCE_SCALING, NULL);
    base = av_with_field(r->e, base, sc_istr(r->e, "mode"),
                         av_int(r->e, VS_FAN_IN));
    return av_with_field(r->e, base, sc_istr(r->e, "distribution"),
                         av_int(r->e, r->fn == &vs__fns[VS_FN_vs_init_he_normal]
                                          ? VS_DIST_TRUNCATED_NORMAL
                                          : VS_DIST_UNIFORM));
}

/* ---- what the graph holds, read back ---- */

static const av *op_tensor_name(mrun *r, const av **a)
{
    const sc_tensor *t = m_tensor(a[0]);
    return t && t->name && !a[0]->maybe_null ? av_str(r->e, t->name) : av_top();
}

static const av *op_tensor_dtype(mrun *r, const av **a)
{
    const sc_tensor *t = m_tensor(a[0]);
    return t && t->dtype != SC_DT_TOP && !a[0]->maybe_null
               ? av_int(r->e, t->dtype)
               : av_top();
}

static const av *op_tensor_shape(mrun *r, const av **a)
{
    const sc_tensor *t = m_tensor(a[0]);
    return t && !a[0]->maybe_null ? m_shape_value(r->e, &t->shape) : av_top();
}

const sc_var *m_var_arg(const av *v)
{
    return v->kind == AV_VAR && !v->maybe_null ? v->v : NULL;
}

static const av *op_var_name(mrun *r, const av **a)
{
    const sc_var *v = m_var_arg(a[0]);
    return v && v->name ? av_str(r->e, v->name) : av_top();
}

static const av *op_var_dtype(mrun *r, const av **a)
{
    const sc_var *v = m_var_arg(a[0]);
    return v && v->dtype != SC_DT_TOP ? av_int(r->e, v->dtype) : av_top();
}

static const av *op_var_shape(mrun *r, const av **a)
{
    const sc_var *v = m_var_arg(a[0]);
    return v ? m_shape_value(r->e, &v->shape) : av_top();
}

static const av *op_var_trainable(mrun *r, const av **a)
{
    const sc_var *v = m_var_arg(a[0]);
    return v && v->trainable != -1 ? av_int(r->e, v->trainable) : av_top();
}

static const av *op_value(mrun *r, const av **a)
{
    if (a[0]->kind == AV_NULL)
        return a[0];          /* NULL in, NULL out: keeps where it came from */
    if (a[0]->kind == AV_VAR && a[0]->v && a[0]->v->read)
        return av_tensor(r->e, a[0]->v->read, a[0]->maybe_null);
    return av_or_null(r->e, av_tensor(r->e, NULL, true));
}

static const av *op_code_name(mrun *r, const av **a)
{
    return a[0]->kind == AV_INT ? av_str(r->e, sc_istr(r->e,
                                             vs_code_name((vs_code)a[0]->i)))
                                : av_top();
}

static const av *op_dtype_name(mrun *r, const av **a)
{
    return a[0]->kind == AV_INT ? av_str(r->e, sc_istr(r->e,
                                             vs_dtype_name((vs_dtype)a[0]->i)))
                                : av_top();
}

/* An array that gets the variables of l, oldest first, up to cap (-1:
 * unknown): what it held before past them, unknown where a gap is. */
const av *m_write_vars(mrun *r, const av *old, const sc_vlist *l, int64_t cap)
{
    if (cap < 0)
        return av_top();
    uint32_t n = l ? l->len : 0, k = vlist_known_prefix(l);
    uint32_t w = (uint32_t)(cap < (int64_t)n ? cap : n);
    if (l && l->gaps && (int64_t)n < cap)
        w = (uint32_t)cap;        /* a gap may hold any number */
    uint32_t keep = old->kind == AV_AGG && !old->names ? old->nfields : 0;
    uint32_t total = w > keep ? w : keep;
    const av **vals = sc_alloc(&r->e->arena, (total + 1) * sizeof *vals);
    for (uint32_t i = 0; i < total; i++)
        vals[i] = i < w ? (i < k ? av_var(r->e, vlist_at(l, i), false)
                                 : av_top())
                        : old->vals[i];
    return av_agg(r->e, total, NULL, vals,
                  old->kind == AV_AGG && !old->names && old->zero_rest);
}

/* vs_graph_variables(g, out, cap): out[0..cap) gets the variables in
 * creation order, the result is how many there are */
static const av *op_graph_variables(mrun *r, const av **a)
{
    if (m_null_tri(a[0]) == YES || !m_use_graph(r, a[0])) {
        r->g = NULL;
        if (a[1]->kind == AV_REF)
            state_set(r->e, r->st, a[1]->frame, a[1]->slot, av_top());
        return av_top();
    }
    const sc_vlist *l = r->g->vars;
    r->g = NULL;                  /* nothing changed */
    bool known_cap;
    int64_t cap = m_int(a[2], &known_cap);
    if (a[1]->kind == AV_REF)
        state_set(r->e, r->st, a[1]->frame, a[1]->slot,
                  m_write_vars(r, state_get(r->st, a[1]->frame, a[1]->slot),
                               l, known_cap ? cap : -1));
    return l && l->gaps ? av_top() : av_int(r->e, l ? l->len : 0);
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
    [VS_FN_vs_code_name] = op_code_name,
    [VS_FN_vs_init_value] = op_init_value,
    [VS_FN_vs_init_zeros] = op_init_zeros,
    [VS_FN_vs_init_ones] = op_init_ones,
    [VS_FN_vs_init_constant] = op_init_constant,
    [VS_FN_vs_init_glorot_uniform] = op_init_glorot,
    [VS_FN_vs_init_random_normal] = op_init_normal,
    [VS_FN_vs_init_truncated_normal] = op_init_truncated,
    [VS_FN_vs_init_random_uniform] = op_init_uniform,
    [VS_FN_vs_init_glorot_normal] = op_init_glorot_normal,
    [VS_FN_vs_init_variance_scaling] = op_init_vs,
    [VS_FN_vs_init_he_normal] = op_init_he,
    [VS_FN_vs_init_he_uniform] = op_init_he,
    [VS_FN_vs_init_seed] = op_init_seed,
    [VS_FN_vs_set_random_seed] = op_set_seed,
    [VS_FN_vs_constant] = m_op_call,
    [VS_FN_vs_scalar_i32] = m_op_call,
    [VS_FN_vs_scalar_f32] = m_op_call,
    [VS_FN_vs_constant_i32] = m_op_call,
    [VS_FN_vs_constant_f32] = m_op_call,
    [VS_FN_vs_placeholder] = m_op_call,
    [VS_FN_vs_add] = m_op_call,
    [VS_FN_vs_matmul] = m_op_call,
    [VS_FN_vs_bias_add] = m_op_call,
    [VS_FN_vs_subtract] = m_op_call,
    [VS_FN_vs_multiply] = m_op_call,
    [VS_FN_vs_relu] = m_op_call,
    [VS_FN_vs_sigmoid] = m_op_call,
    [VS_FN_vs_tanh] = m_op_call,
    [VS_FN_vs_square] = m_op_call,
    [VS_FN_vs_reduce_mean] = m_op_call,
    [VS_FN_vs_value] = op_value,
    [VS_FN_vs_tensor_name] = op_tensor_name,
    [VS_FN_vs_tensor_dtype] = op_tensor_dtype,
    [VS_FN_vs_tensor_shape] = op_tensor_shape,
    [VS_FN_vs_variable] = m_var_op,
    [VS_FN_vs_get_variable] = m_var_op,
    [VS_FN_vs_var_name] = op_var_name,
    [VS_FN_vs_var_dtype] = op_var_dtype,
    [VS_FN_vs_var_shape] = op_var_shape,
    [VS_FN_vs_var_trainable] = op_var_trainable,
    [VS_FN_vs_graph_variables] = op_graph_variables,
    [VS_FN_vs_var_repr] = op_ignore,
    [VS_FN_vs_dtype_name] = op_dtype_name,
    [VS_FN_vs_variable_scope_enter] = m_scope_op,
    [VS_FN_vs_variable_scope_reenter] = m_scope_op,
    [VS_FN_vs_name_scope_enter] = m_scope_op,
    [VS_FN_vs_scope_exit] = m_scope_op,
    [VS_FN_vs_reuse_variables] = m_scope_op,
    [VS_FN_vs_get_variable_scope] = m_scope_op,
    [VS_FN_vs_scope_name] = m_scope_op,
    [VS_FN_vs_scope_original_name_scope] = m_scope_op,
    [VS_FN_vs_scope_reuse] = m_scope_op,
    [VS_FN_vs_current_name_scope] = m_scope_op,
    [VS_FN_vs_dense] = m_layer_op,
    [VS_FN_vs_op_name] = m_list_op,
    [VS_FN_vs_get_collection] = m_list_op,
    [VS_FN_vs_add_to_collection] = m_list_op,
    [VS_FN_vs_dense_layer] = m_layer_op,
    [VS_FN_vs_conv2d_layer] = m_layer_op,
    [VS_FN_vs_batch_norm_layer] = m_layer_op,
    [VS_FN_vs_max_pooling2d_layer] = m_layer_op,
    [VS_FN_vs_flatten_layer] = m_layer_op,
    [VS_FN_vs_dropout_layer] = m_layer_op,
    [VS_FN_vs_layer_apply] = m_layer_op,
    [VS_FN_vs_conv2d] = m_layer_op,
    [VS_FN_vs_batch_normalization] = m_layer_op,
    [VS_FN_vs_max_pooling2d] = m_layer_op,
    [VS_FN_vs_flatten] = m_layer_op,
    [VS_FN_vs_dropout] = m_layer_op,
    [VS_FN_vs_layer_name] = m_layer_op,
    [VS_FN_vs_layer_scope] = m_layer_op,
    [VS_FN_vs_layer_variables] = m_layer_op,
    [VS_FN_vs_fully_connected] = m_layer_op,
    [VS_FN_vs_basic_rnn_cell] = m_rnn_op,
    [VS_FN_vs_basic_lstm_cell] = m_rnn_op,
    [VS_FN_vs_lstm_cell] = m_rnn_op,
    [VS_FN_vs_gru_cell] = m_rnn_op,
    [VS_FN_vs_multi_rnn_cell] = m_rnn_op,
    [VS_FN_vs_rnn_zero_state] = m_rnn_op,
    [VS_FN_vs_rnn_cell_call] = m_rnn_op,
    [VS_FN_vs_dynamic_rnn] = m_rnn_op,
    [VS_FN_vs_rnn_state_size] = m_rnn_op,
    [VS_FN_vs_rnn_state_tensor] = m_rnn_op,
    [VS_FN_vs_make_template] = m_template_op,
    [VS_FN_vs_template_call] = m_template_op,
    [VS_FN_vs_template_scope] = m_template_op,
    [VS_FN_vs_gradient_descent_optimizer] = m_train_op,
    [VS_FN_vs_momentum_optimizer] = m_train_op,
    [VS_FN_vs_adam_optimizer] = m_train_op,
    [VS_FN_vs_rmsprop_optimizer] = m_train_op,
    [VS_FN_vs_adagrad_optimizer] = m_train_op,
    [VS_FN_vs_minimize] = m_train_op,
    [VS_FN_vs_optimizer_get_slot] = m_train_op,
    [VS_FN_vs_optimizer_name] = m_train_op,
    [VS_FN_vs_exponential_moving_average] = m_train_op,
    [VS_FN_vs_ema_apply] = m_train_op,
    [VS_FN_vs_ema_average] = m_train_op,
    [VS_FN_vs_ema_apply_tensors] = m_train_op,
    [VS_FN_vs_ema_average_tensor] = m_train_op,
    [VS_FN_vs_get_or_create_global_step] = m_train_op,
    [VS_FN_vs_session_new] = m_train_op,
    [VS_FN_vs_global_variables_initializer] = m_train_op,
    [VS_FN_vs_session_run_op] = m_train_op,
    [VS_FN_vs_session_run] = m_train_op,
    [VS_FN_vs_ndarray_repr] = op_ignore,
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

/* Strict mode: each other way the call could fail (a check that could not
 * be decided), besides `said`: each is a "could fail" of its own rule. */
static void emit_maybe_codes(sc_engine *e, mrun *r, const sc_site *site,
                             int said)
{
    for (int code = 1; code < 32; code++) {
        if (code == said || !(r->maybe_codes & (1u << code)))
            continue;
        sc_event ev = r->ev;
        ev.kind = SC_EV_MAYBE_ERROR;
        ev.code = code;
        ev.message = NULL;
        r->where.at = *site;
        sc_emit(e, &ev, &r->where);
    }
}

/* Inside a template call, a failing call ends the template call (TF's
 * exception would): the path where it failed counts it. */
static void count_failure(sc_engine *e, sc_state *st, uint32_t graph)
{
    const sc_graph *g = graph ? state_graph(st, graph) : NULL;
    if (!g || g->tdepth == 0 || g->reported == SC_COUNT_TOP)
        return;
    sc_graph *c = graph_copy(e, g);
    c->reported++;
    state_set_graph(e, st, c);
}

void m_begin(mrun *r, sc_engine *e, vs_fn_id fn, sc_state *st,
             const sc_site *site)
{
    memset(r, 0, sizeof *r);
    r->e = e;
    r->fn = &vs__fns[fn];
    r->edit = sc_new_edit_for(e, r);
    r->edit_owner = r;
    r->st = st;
    r->site = site;
}

/* The paths a call leaves: what it decided (r), its result (res). */
void m_finish(mrun *r, const av *res, sc_svs *out)
{
    sc_engine *e = r->e;
    sc_state *st = r->st;
    const sc_site *site = r->site;
    const vs_fn_info *info = r->fn;
    /* the result where the call fails: made only if it may */
    const av *fail = (r->failed || (r->maybe && !r->no_taint)) && info->fails_null
                         ? av_null_from(e, site)
                         : av_top();
    if (e->trace)
        fprintf(stderr, "trace: %u:%u %s: %s%s%s\n", site->loc.line, site->loc.col,
                info->name, r->failed ? (r->certain ? "fails" : "fails (code unsure)")
                                : r->maybe ? "may fail" : "ok",
                r->failed || r->maybe ? " " : "", r->failed ? r->msg ? r->msg : "" : "");
    if (e->trace && st->tainted)
        fprintf(stderr, "trace:   (on a doubtful path)\n");
    assert(!r->certain || r->failed);
    assert(!r->failed || r->code != VS_OK);
    uint32_t graph = r->g ? r->g->id : 0;
    if (st->tainted && r->failed)
        r->certain = false;        /* nothing is sure on a doubtful path */
    if (r->failed) {
        sc_event ev = r->ev;
        ev.kind = r->certain ? SC_EV_ERROR : SC_EV_MAYBE_ERROR;
        ev.code = r->code;
        ev.message = r->msg;
        r->where.at = *site;
        if (r->certain || e->strict)
            sc_emit(e, &ev, &r->where);
        if (!r->certain && e->strict)
            emit_maybe_codes(e, r, site, r->code);
        /* the call fails on every run of this path, whichever check
         * (an earlier one that may fail, or this one): its code may be
         * unsure, what follows is not (the graph untouched, NULL) */
        count_failure(e, st, graph);
        push_failed(out, st, fail, r->certain ? r->code : 0);
        return;
    }
    if (r->maybe && r->no_taint) {
        /* the call may fail, but it changes nothing the engine tracks
         * either way: one path, whose result may be NULL */
        if (e->strict) {
            sc_event ev = r->ev;
            ev.kind = SC_EV_MAYBE_ERROR;
            ev.code = r->maybe_code;
            r->where.at = *site;
            sc_emit(e, &ev, &r->where);
            emit_maybe_codes(e, r, site, r->maybe_code);
        }
        if (r->g)
            state_set_graph(e, st, r->g);
        push(out, st, res ? (info->fails_null ? av_or_null(e, res) : res)
                          : av_top());
        return;
    }
    if (r->maybe) {
        /* the path where the call failed: maybe only because the engine
         * does not know enough, so what follows from it is not sure */
        sc_state *failed = state_clone(e, st);
        failed->tainted = true;
        count_failure(e, failed, graph);
        push_failed(out, failed, fail, 0);
        /* and the path where it succeeded, for the same reason: what the
         * engine does not know (a name a loop widened, a join) may be
         * what makes every run fail here */
        st->tainted = true;
        if (e->strict) {
            sc_event ev = r->ev;
            ev.kind = SC_EV_MAYBE_ERROR;
            ev.code = r->maybe_code;
            r->where.at = *site;
            sc_emit(e, &ev, &r->where);
            emit_maybe_codes(e, r, site, r->maybe_code);
        }
    }
    if (r->out_ptr && r->out_ptr->kind == AV_REF)
        state_set(e, st, r->out_ptr->frame, r->out_ptr->slot, r->out_val);
    if (r->g)
        state_set_graph(e, st, r->g);
    for (int i = 0; i < r->npending && !st->tainted; i++)
        sc_emit(e, &r->pending[i].ev, &r->pending[i].where);
    if (r->created && r->g && !st->tainted)
        m_note_created(r);
    push(out, st, res ? res : av_top());
}

void model_call(sc_engine *e, vs_fn_id fn, sc_state *st, const av **args,
                uint32_t nargs, const sc_site *site, sc_svs *out)
{
    /* a function of the vocabulary without a model: tests must say so,
     * a release build takes it to change nothing the engine tracks */
    assert(fn < VS_FN_COUNT && ops[fn]);
    op_fn op = ops[fn] ? ops[fn] : op_ignore;
    if (nargs < (uint32_t)vs__fns[fn].arity) {
        push(out, st, av_top());  /* not a call the library's C allows */
        return;
    }
    mrun r;
    m_begin(&r, e, fn, st, site);
    /* The state alone holds the nodes made under its edit id (a fork or
     * a join gives it a new one), so the call updates the graph maps it
     * made in earlier calls in place, logged: most calls succeed, and a
     * graph copied once stays the state's own from call to call instead
     * of being copied again by each. */
    pm_undo undo = e->nspare_undo > 0 ? e->spare_undo[--e->nspare_undo]
                                      : (pm_undo){0};
    assert(undo.len == 0 && undo.bytes_len == 0);
    r.edit = st->edit;
    r.edit_owner = st;
    r.undo = &undo;
    uint32_t saved_edit = e->tx_edit;
    pm_undo *saved_undo = e->tx_undo;
    e->tx_edit = r.edit;
    e->tx_undo = &undo;
    const av *res = op(&r, args);
    e->tx_edit = saved_edit;
    e->tx_undo = saved_undo;
    bool keep = !r.failed && (!r.maybe || r.no_taint) && r.g &&
                r.g->id == r.undo_graph;
    if ((undo.len > 0 || r.in_place) && !keep) {
        /* the graph of before is needed (the call fails on some run, or
         * its copy is dropped): put back, and run again on copies for
         * the runs where it succeeds */
        m_put_back(&r);
        if (!r.failed) {
            m_begin(&r, e, fn, st, site);
            res = op(&r, args);
        }
    }
    undo.len = undo.bytes_len = 0;
    if (e->nspare_undo < (int)(sizeof e->spare_undo / sizeof e->spare_undo[0]))
        e->spare_undo[e->nspare_undo++] = undo;
    else
        pm_undo_free(&undo);
    r.undo = NULL;
    m_finish(&r, res, out);
}

/* the argument positions, for the other files */
const av *m_graph_arg(const mrun *r, const av **a) { return graph_arg(r, a); }
const av *m_name_arg(const mrun *r, const av **a) { return name_arg(r, a); }
const av *m_options_arg(mrun *r, const av **a)
{
    return m_options(r, options_arg(r, a));
}
