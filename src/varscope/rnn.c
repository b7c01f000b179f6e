/* RNN cells and tf.nn.dynamic_rnn (python/ops/rnn_cell_impl.py, rnn.py).
 *
 * BasicRNNCell, BasicLSTMCell, LSTMCell and GRUCell are LayerRNNCells:
 * tf.layers layers (layers.c) whose call takes a state.  Their default
 * names are the snake-cased class names ("basic_lstm_cell"), their
 * variables "kernel" and "bias" ([depth + h, 4 * units] for LSTMs), GRU's
 * "gates/kernel", "gates/bias" (ones), "candidate/kernel",
 * "candidate/bias".  MultiRNNCell is a plain RNNCell: its __call__ first
 * enters, by object and with a name scope, the variable scope that was
 * current at its first call (cached), then the Layer machinery gives it
 * the scope "multi_rnn_cell"; cell i runs under variable_scope("cell_%d").
 *
 * dynamic_rnn enters variable_scope(scope or "rnn") by string, makes the
 * zero state (a dtype is needed when no initial state is given), and calls
 * the cell once in the while loop's name scope "rnn/while/".  So a second
 * dynamic_rnn with a new cell in the same scope builds the same names
 * again and fails without reuse, and one cell object used twice shares
 * its variables. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static bool is_cell(const vs_layer *l) { return l->kind >= VS_LAYER_BASIC_RNN; }

static const char *class_name(const vs_layer *l)
{
    switch (l->kind) {
    case VS_LAYER_BASIC_RNN: return "BasicRNNCell";
    case VS_LAYER_BASIC_LSTM: return "BasicLSTMCell";
    case VS_LAYER_LSTM: return "LSTMCell";
    case VS_LAYER_GRU: return "GRUCell";
    default: return "MultiRNNCell";
    }
}

static bool is_lstm(const vs_layer *l)
{
    return l->kind == VS_LAYER_BASIC_LSTM || l->kind == VS_LAYER_LSTM;
}

int vs__state_size(const vs_layer *cell)
{
    if (cell->kind != VS_LAYER_MULTI_RNN)
        return is_lstm(cell) ? 2 : 1;
    int n = 0;
    for (int i = 0; i < cell->ncells; i++)
        n += vs__state_size(cell->cells[i]);
    return n;
}

static int output_size(const vs_layer *cell)
{
    if (cell->kind == VS_LAYER_MULTI_RNN)
        return output_size(cell->cells[cell->ncells - 1]);
    return cell->kind == VS_LAYER_LSTM && cell->num_proj > 0 ? cell->num_proj
                                                            : cell->units;
}

/* The width of the i-th state tensor (flattened order). */
static int state_width(const vs_layer *cell, int i)
{
    if (cell->kind == VS_LAYER_MULTI_RNN) {
        for (int k = 0; k < cell->ncells; k++) {
            int n = vs__state_size(cell->cells[k]);
            if (i < n)
                return state_width(cell->cells[k], i);
            i -= n;
        }
        return -1;
    }
    return is_lstm(cell) && i == 1 ? output_size(cell) : cell->units;
}

static vs_rnn_state *new_state(vs_graph *g, int n)
{
    vs_rnn_state *s = vs__calloc(g, sizeof *s);
    if (!s || !(s->t = vs__calloc(g, (size_t)n * sizeof *s->t)))
        return NULL;
    s->n = n;
    return s;
}

/* An op of the cell's computation that the session does not compute;
 * its inputs keep what it depends on. */
static vs_tensor *op(vs_graph *g, const char *name, vs_dtype dt,
                     const vs_shape *shape, vs_tensor *a, vs_tensor *b)
{
    vs_tensor *in[2] = {a, b};
    return vs__op_in(g, name, VS_OP_OPAQUE, dt, shape, b ? 2 : 1, in);
}

/* ---- zero_state ---- */

/* RNNCell.zero_state: name_scope(<Class>ZeroState), zeros per state
 * tensor; MultiRNNCell's holds each cell's. */
static int zero_state(vs_graph *g, const vs_layer *cell, int64_t batch,
                      vs_dtype dt, vs_rnn_state *s, int *k, const char *file,
                      int line)
{
    char ns[64];
    snprintf(ns, sizeof ns, "%sZeroState", class_name(cell));
    if (!vs__name_scope(g, ns, file, line))
        return -1;
    if (cell->kind == VS_LAYER_MULTI_RNN) {
        for (int i = 0; i < cell->ncells; i++)
            if (zero_state(g, cell->cells[i], batch, dt, s, k, file, line) < 0)
                return -1;
    } else {
        for (int i = 0; i < vs__state_size(cell); i++) {
            vs_shape sh = {2, {batch, state_width(cell, i)}};
            vs_tensor *z = vs__op(g, "zeros", dt, &sh);
            if (!z)
                return -1;
            s->t[(*k)++] = z;
        }
    }
    return vs__exit(g);
}

static vs_rnn_state *make_zero_state(vs_graph *g, const vs_layer *cell,
                                     int64_t batch, vs_dtype dt,
                                     const char *file, int line)
{
    vs_rnn_state *s = new_state(g, vs__state_size(cell));
    int k = 0;
    if (!s || zero_state(g, cell, batch, vs__dtype_or_float(dt), s, &k, file,
                         line) < 0)
        return NULL;
    return s;
}

/* ---- build ---- */

int vs__cell_build(vs_graph *g, vs_layer *l, const vs_tensor *x,
                   const vs_call *c)
{
    char shape[256];
    int64_t depth = x->shape.rank > 0 ? x->shape.dims[x->shape.rank - 1] : -1;
    if (depth < 0) {
        vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                 "Expected inputs.shape[-1] to be known, saw shape: %s",
                 vs__shape_str(&x->shape, shape, sizeof shape));
        return -1;
    }
    if (!vs__dtype_floating(l->dtype)) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "RNN cell only supports floating point inputs, but saw "
                 "dtype: <dtype: '%s'>", vs_dtype_name(l->dtype));
        return -1;
    }
    int u = l->units, h = output_size(l);
    vs_dtype dt = l->dtype;
    const char *f = c->file;
    int ln = c->line;
    vs_init zeros = vs_init_zeros();
    switch (l->kind) {
    case VS_LAYER_BASIC_RNN:
        if (!vs__add_weight(g, l, "kernel", VS_SHAPE(depth + u, u), dt,
                            l->kernel_init, true, f, ln) ||
            !vs__add_weight(g, l, "bias", VS_SHAPE(u), dt, zeros, true, f, ln))
            return -1;
        break;
    case VS_LAYER_BASIC_LSTM:
    case VS_LAYER_LSTM:
        if (!vs__add_weight(g, l, "kernel", VS_SHAPE(depth + h, 4 * u), dt,
                            l->kernel_init, true, f, ln) ||
            !vs__add_weight(g, l, "bias", VS_SHAPE(4 * u), dt, zeros, true, f,
                            ln))
            return -1;
        if (l->use_peepholes &&
            (!vs__add_weight(g, l, "w_f_diag", VS_SHAPE(u), dt, l->kernel_init,
                             true, f, ln) ||
             !vs__add_weight(g, l, "w_i_diag", VS_SHAPE(u), dt, l->kernel_init,
                             true, f, ln) ||
             !vs__add_weight(g, l, "w_o_diag", VS_SHAPE(u), dt, l->kernel_init,
                             true, f, ln)))
            return -1;
        if (l->num_proj > 0 &&
            !vs__add_weight(g, l, "projection/kernel",
                            VS_SHAPE(u, l->num_proj), dt, l->kernel_init, true,
                            f, ln))
            return -1;
        break;
    case VS_LAYER_GRU:
        if (!vs__add_weight(g, l, "gates/kernel", VS_SHAPE(depth + u, 2 * u),
                            dt, l->kernel_init, true, f, ln) ||
            !vs__add_weight(g, l, "gates/bias", VS_SHAPE(2 * u), dt,
                            vs_init_constant(1.0), true, f, ln) ||
            !vs__add_weight(g, l, "candidate/kernel", VS_SHAPE(depth + u, u),
                            dt, l->kernel_init, true, f, ln) ||
            !vs__add_weight(g, l, "candidate/bias", VS_SHAPE(u), dt, zeros,
                            true, f, ln))
            return -1;
        break;
    default:
        break;
    }
    return VS__WRITE(g, l->built_axis, depth);
}

/* ---- call ---- */

/* array_ops.concat([x, h], 1): gen_array_ops.concat_v2 opens the name
 * scope "concat" (made unique), converts the axis inside it, and names
 * the op after the scope. */
static vs_tensor *concat(vs_graph *g, vs_tensor *x, vs_tensor *h)
{
    const char *name = "concat";
    char a[128], b[128];
    if (x->shape.rank >= 0 && x->shape.rank != 2)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "Shape must be rank 2 but is rank %d for '%s%s' (op: "
                        "'ConcatV2') with input shapes: %s, %s, [].",
                        x->shape.rank, g->name_scope, name,
                        vs__shape_dims(&x->shape, a, sizeof a),
                        vs__shape_dims(&h->shape, b, sizeof b));
    if (vs__dtype_or_float(x->dtype) != vs__dtype_or_float(h->dtype))
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "Tensors in list passed to 'values' of 'ConcatV2' Op "
                        "have types [%s, %s] that don't all match.",
                        vs_dtype_name(x->dtype), vs_dtype_name(h->dtype));
    const char *ns = vs__name_scope(g, name, __FILE__, __LINE__);
    if (!ns || !vs__op_name(g, ns, "axis") || vs__exit(g) < 0)
        return NULL;
    int64_t d1 = x->shape.rank == 2 ? x->shape.dims[1] : -1;
    int64_t d2 = h->shape.rank == 2 ? h->shape.dims[1] : -1;
    vs_shape s = {2, {x->shape.rank == 2 ? x->shape.dims[0] : -1,
                      d1 >= 0 && d2 >= 0 ? d1 + d2 : -1}};
    /* the op takes the scope's name, verbatim ("a/concat/") */
    return op(g, ns, x->dtype, &s, x, h);
}

/* array_ops.split: its name scope, with the axis converted inside when it
 * is a Python int (split_dim), the op named after the scope. */
static int split(vs_graph *g, bool split_dim)
{
    const char *ns = vs__name_scope(g, "split", __FILE__, __LINE__);
    if (!ns || (split_dim && !vs__op_name(g, ns, "split_dim")) ||
        vs__exit(g) < 0 || !vs__op_name(g, "", ns))
        return -1;
    return 0;
}

/* The op the cell's activation makes ("Tanh" by default). */
static const char *act_op(const vs_layer *l)
{
    return l->activation == VS_ACT_RELU      ? "Relu"
           : l->activation == VS_ACT_SIGMOID ? "Sigmoid"
                                             : "Tanh";
}

/* The ops after MatMul and BiasAdd, named as each cell's call names them
 * ("Tanh" standing for the cell's activation). */
static vs_tensor *chain(vs_graph *g, const vs_layer *l,
                        const char *const *names, size_t n, vs_dtype dt,
                        const vs_shape *sh, vs_tensor *gates, vs_tensor *prev,
                        vs_tensor **out)
{
    vs_tensor *t = gates;
    for (size_t i = 0; i < n; i++) {
        const char *name = strcmp(names[i], "Tanh") == 0 ? act_op(l) : names[i];
        t = op(g, name, dt, sh, t, prev);
        if (!t)
            return NULL;
        out[i] = t;
    }
    return t;
}

static vs_tensor *cell_body(vs_graph *g, vs_layer *l, vs_tensor *x,
                            const vs_call *c, vs_rnn_state *ns)
{
    vs_rnn_state *st = c->state;
    vs_dtype dt = x->dtype;
    int u = l->units;
    vs_tensor *w[VS_LAYER_MAX_WEIGHTS];
    for (int i = 0; i < l->nweights; i++)
        w[i] = vs_value(l->weights[i]);
    int64_t batch = x->shape.rank == 2 ? x->shape.dims[0] : -1;
    vs_shape us = {2, {batch, u}};
    vs_tensor *t[16];
    switch (l->kind) {
    case VS_LAYER_BASIC_RNN: {
        vs_tensor *cat = concat(g, x, st->t[0]);
        vs_tensor *m = cat ? vs__matmul(g, cat, w[0]) : NULL;
        vs_tensor *b = m ? vs__bias_add(g, m, w[1]) : NULL;
        vs_tensor *o = b ? vs__activate(g, b, l->activation) : NULL;
        if (o)
            ns->t[0] = o;
        return o;
    }
    case VS_LAYER_BASIC_LSTM: {
        /* one = constant(1): "Const"; forget bias: "Const_1" */
        if (!vs__op_name(g, g->name_scope, "Const"))
            return NULL;
        vs_tensor *cat = concat(g, x, st->t[1]);
        vs_tensor *m = cat ? vs__matmul(g, cat, w[0]) : NULL;
        vs_tensor *b = m ? vs__bias_add(g, m, w[1]) : NULL;
        if (!b || split(g, false) < 0 ||
            !vs__op_name(g, g->name_scope, "Const"))
            return NULL;
        static const char *const names[] = {
            "Add", "Sigmoid", "Mul", "Sigmoid", "Tanh", "Mul", "Add", "Tanh",
            "Sigmoid", "Mul"};
        if (!chain(g, l, names, 10, dt, &us, b, st->t[0], t))
            return NULL;
        ns->t[0] = t[6];    /* new_c = Add_1 */
        ns->t[1] = t[9];    /* new_h = Mul_2 */
        return t[9];
    }
    case VS_LAYER_LSTM: {
        vs_tensor *cat = concat(g, x, st->t[1]);
        vs_tensor *m = cat ? vs__matmul(g, cat, w[0]) : NULL;
        vs_tensor *b = m ? vs__bias_add(g, m, w[1]) : NULL;
        if (!b || split(g, true) < 0)
            return NULL;
        vs_tensor *mo;
        int cidx;
        if (l->use_peepholes) {
            static const char *const names[] = {
                "add", "mul", "add", "Sigmoid", "mul", "mul", "add", "Sigmoid",
                "Tanh", "mul", "add", "mul", "add", "Sigmoid", "Tanh", "mul"};
            if (!chain(g, l, names, 16, dt, &us, b, st->t[0], t))
                return NULL;
            cidx = 10;
            mo = t[15];
        } else {
            static const char *const names[] = {
                "add", "Sigmoid", "mul", "Sigmoid", "Tanh", "mul", "add",
                "Sigmoid", "Tanh", "mul"};
            if (!chain(g, l, names, 10, dt, &us, b, st->t[0], t))
                return NULL;
            cidx = 6;
            mo = t[9];
        }
        if (l->num_proj > 0) {
            int wi = l->use_peepholes ? 5 : 2;
            mo = vs__matmul(g, mo, w[wi]);
            if (!mo)
                return NULL;
        }
        ns->t[0] = t[cidx];
        ns->t[1] = mo;
        return mo;
    }
    case VS_LAYER_GRU: {
        vs_tensor *cat = concat(g, x, st->t[0]);
        vs_tensor *m = cat ? vs__matmul(g, cat, w[0]) : NULL;
        vs_tensor *b = m ? vs__bias_add(g, m, w[1]) : NULL;
        vs_shape two = {2, {batch, 2 * u}};
        vs_tensor *sg = b ? op(g, "Sigmoid", dt, &two, b, NULL) : NULL;
        if (!sg || split(g, true) < 0)
            return NULL;
        vs_tensor *r = op(g, "mul", dt, &us, sg, st->t[0]);
        vs_tensor *cat2 = r ? concat(g, x, r) : NULL;
        vs_tensor *m2 = cat2 ? vs__matmul(g, cat2, w[2]) : NULL;
        vs_tensor *b2 = m2 ? vs__bias_add(g, m2, w[3]) : NULL;
        vs_tensor *cand = b2 ? vs__activate(g, b2, l->activation) : NULL;
        if (!cand)
            return NULL;
        static const char *const names[] = {"mul", "sub", "mul", "add"};
        if (!chain(g, l, names, 4, dt, &us, cand, sg, t))
            return NULL;
        ns->t[0] = t[3];
        return t[3];
    }
    default:
        return NULL;
    }
}

static vs_tensor *invoke(vs_graph *g, vs_layer *cell, vs_tensor *x,
                         vs_rnn_state *st, vs_rnn_state **out_state,
                         const char *file, int line);

/* MultiRNNCell.call */
static vs_tensor *multi_body(vs_graph *g, vs_layer *l, vs_tensor *x,
                             const vs_call *c, vs_rnn_state *ns)
{
    vs_tensor *cur = x;
    int k = 0;
    for (int i = 0; i < l->ncells; i++) {
        char name[32];
        snprintf(name, sizeof name, "cell_%d", i);
        vs_enter_req req = {.name = name};
        int n = vs__state_size(l->cells[i]);
        vs_rnn_state *sub = new_state(g, n), *got = NULL;
        if (!sub || !vs__enter(g, &req, c->file, c->line))
            return NULL;
        memcpy(sub->t, c->state->t + k, (size_t)n * sizeof *sub->t);
        cur = invoke(g, l->cells[i], cur, sub, &got, c->file, c->line);
        if (!cur || vs__exit(g) < 0)
            return NULL;
        memcpy(ns->t + k, got->t, (size_t)n * sizeof *ns->t);
        k += n;
    }
    return cur;
}

vs_tensor *vs__cell_call(vs_graph *g, vs_layer *l, vs_tensor *x,
                         const vs_call *c)
{
    vs_rnn_state *ns = new_state(g, vs__state_size(l));
    if (!ns)
        return NULL;
    vs_tensor *out = l->kind == VS_LAYER_MULTI_RNN ? multi_body(g, l, x, c, ns)
                                                   : cell_body(g, l, x, c, ns);
    if (out && c->new_state)
        *c->new_state = ns;
    return out;
}

/* cell(inputs, state): a LayerRNNCell straight through Layer.__call__;
 * an RNNCell (MultiRNNCell) first re-enters, with a name scope, the
 * variable scope current at its first call. */
static vs_tensor *invoke(vs_graph *g, vs_layer *cell, vs_tensor *x,
                         vs_rnn_state *st, vs_rnn_state **out_state,
                         const char *file, int line)
{
    char shape[256];
    if (st->n != vs__state_size(cell))
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "%s: the state has %d tensors, the cell's has %d",
                        cell->name, st->n, vs__state_size(cell));
    for (int i = 0; i < st->n; i++) {
        const vs_shape *s = &st->t[i]->shape;
        int64_t w = s->rank == 2 ? s->dims[1] : -1;
        if (s->rank >= 0 &&
            (s->rank != 2 || (w >= 0 && w != state_width(cell, i))))
            return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                            "%s: state tensor %d (%s) has shape %s, the cell "
                            "expects (?, %d)", cell->name, i, st->t[i]->name,
                            vs__shape_str(s, shape, sizeof shape),
                            state_width(cell, i));
    }
    vs_call c = {.input = x, .state = st, .new_state = out_state,
                 .file = file, .line = line};
    if (cell->kind != VS_LAYER_MULTI_RNN)
        return vs__layer_call(g, cell, &c);
    if (!cell->rnncell_scope) {
        vs_scope *copy = vs__new_scope(g);
        if (!copy)
            return NULL;
        *copy = *g->current;
        if (VS__WRITE(g, cell->rnncell_scope, copy) < 0)
            return NULL;
    }
    vs_tensor *out;
    if (!vs__reenter(g, cell->rnncell_scope, VS_REUSE_INHERIT, false, file,
                     line) ||
        !(out = vs__layer_call(g, cell, &c)) || vs__exit(g) < 0)
        return NULL;
    return out;
}

/* ---- public calls ---- */

static vs_layer *cell_new(vs_graph *g, vs_layer_kind kind, const char *base,
                          int units, const vs_cell_opts *o)
{
    if (units <= 0)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "num_units must be a positive integer, got %d", units);
    if (o->num_proj < 0)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "num_proj must be positive or 0 (None), got %d",
                        o->num_proj);
    if (!vs__init_valid(&o->initializer))
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "initializer is not valid (a value initializer needs "
                        "a tensor)");
    if (vs__check_layer_args(g, o->name, o->reuse, o->activation) < 0)
        return NULL;
    vs_layer *l = vs__layer_new(g, kind, base, o->name, o->reuse,
                                o->not_trainable);
    if (!l)
        return NULL;
    l->units = units;
    /* activation=None is the default, tanh (`activation or tanh`) */
    l->activation = o->activation == VS_ACT_DEFAULT || o->activation == VS_ACT_NONE
                        ? VS_ACT_TANH
                        : o->activation;
    l->kernel_init = o->initializer;
    if (kind == VS_LAYER_LSTM) {
        l->use_peepholes = o->use_peepholes;
        l->num_proj = o->num_proj;
    }
    return l;
}

#define CELL_CTOR(fn, kind, base)                                            \
    vs_layer *fn(vs_graph *g, int num_units, const vs_cell_opts *opts,       \
                 const char *file, int line)                                 \
    {                                                                        \
        static const vs_cell_opts none;                                      \
        VS_CHECK_GRAPH(g, file, line, NULL);                                 \
        if (!opts)                                                           \
            opts = &none;                                                    \
        vs__begin(g);                                                        \
        return vs__end_call(g, cell_new(g, kind, base, num_units, opts),     \
                            file, line);                                     \
    }

CELL_CTOR(vs_basic_rnn_cell_at, VS_LAYER_BASIC_RNN, "basic_rnn_cell")
CELL_CTOR(vs_basic_lstm_cell_at, VS_LAYER_BASIC_LSTM, "basic_lstm_cell")
CELL_CTOR(vs_lstm_cell_at, VS_LAYER_LSTM, "lstm_cell")
CELL_CTOR(vs_gru_cell_at, VS_LAYER_GRU, "gru_cell")

vs_layer *vs_multi_rnn_cell_at(vs_graph *g, vs_layer *const *cells,
                               size_t ncells, const vs_cell_opts *opts,
                               const char *file, int line)
{
    static const vs_cell_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = NULL;
    if (!cells || ncells == 0) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "Must specify at least one cell for MultiRNNCell.");
    } else {
        size_t i;
        for (i = 0; i < ncells; i++)
            if (!cells[i] || cells[i]->graph != g || !is_cell(cells[i]))
                break;
        if (i < ncells)
            vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                     "MultiRNNCell: cells[%zu] is not an RNN cell of this "
                     "graph", i);
        else if (vs__check_layer_args(g, opts->name, opts->reuse,
                                      VS_ACT_DEFAULT) == 0 &&
                 (l = vs__layer_new(g, VS_LAYER_MULTI_RNN, "multi_rnn_cell",
                                    opts->name, opts->reuse,
                                    opts->not_trainable)) &&
                 (l->cells = vs__calloc(g, ncells * sizeof *l->cells))) {
            memcpy(l->cells, cells, ncells * sizeof *cells);
            l->ncells = (int)ncells;
        } else {
            l = NULL;
        }
    }
    return vs__end_call(g, l, file, line);
}

static const char *check_cell(const vs_graph *g, const vs_layer *cell)
{
    if (!cell)
        return "cell is NULL";
    if (cell->graph != g)
        return "the cell belongs to another graph";
    if (!is_cell(cell))
        return "is not an RNNCell: 'output_size' property is missing, "
               "'state_size' property is missing, either 'zero_state' or "
               "'get_initial_state' method is required, is not callable.";
    return NULL;
}

vs_rnn_state *vs_rnn_zero_state_at(vs_graph *g, vs_layer *cell,
                                   int64_t batch_size, vs_dtype dtype,
                                   const char *file, int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    vs__begin(g);
    const char *bad = check_cell(g, cell);
    vs_rnn_state *s = NULL;
    if (bad)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "The argument 'cell' %s", bad);
    else if (batch_size < -1 || !vs__dtype_valid(dtype))
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "zero_state: batch_size must be -1 (unknown) or more, and "
                 "dtype a vs_dtype value");
    else
        s = make_zero_state(g, cell, batch_size, dtype, file, line);
    return vs__end_call(g, s, file, line);
}

vs_tensor *vs_rnn_cell_call_at(vs_graph *g, vs_layer *cell, vs_tensor *input,
                               vs_rnn_state *state,
                               const vs_cell_call_opts *opts,
                               const char *file, int line)
{
    static const vs_cell_call_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    const char *bad = check_cell(g, cell);
    vs_tensor *out = NULL;
    vs_rnn_state *ns = NULL;
    if (bad)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "The argument 'cell' %s", bad);
    else if (!input || !state)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "cell call: %s is NULL",
                 !input ? "input" : "state");
    else
        out = invoke(g, cell, input, state, &ns, file, line);
    out = vs__end_call(g, out, file, line);
    if (out && opts->new_state)
        *opts->new_state = ns;
    return out;
}

/* rnn._transpose_batch_time: ops Rank, range, concat, transpose (a tensor
 * of rank < 2 is left alone). */
static vs_tensor *transpose(vs_graph *g, vs_tensor *x, const char *name)
{
    if (x->shape.rank >= 0 && x->shape.rank < 2)
        return x;
    const char *ns = g->name_scope;
    static const char *const marks[] = {"Rank", "range", "concat"};
    for (size_t i = 0; i < 3; i++)
        if (!vs__op_name(g, ns, marks[i]))
            return NULL;
    vs_shape s = x->shape;
    if (s.rank >= 2) {
        s.dims[0] = x->shape.dims[1];
        s.dims[1] = x->shape.dims[0];
    }
    return op(g, name, x->dtype, &s, x, NULL);
}

static vs_tensor *dynamic_rnn(vs_graph *g, vs_layer *cell, vs_tensor *inputs,
                              const vs_dynamic_rnn_opts *o,
                              vs_rnn_state **final, const char *file, int line)
{
    char shape[256];
    vs_enter_req req = {.name = o->scope ? o->scope : "rnn"};
    if (!vs__enter(g, &req, file, line))
        return NULL;
    vs_tensor *x = o->time_major ? inputs : transpose(g, inputs, "transpose");
    if (!x)
        return NULL;
    int64_t batch = x->shape.rank >= 2 ? x->shape.dims[1] : -1;
    vs_rnn_state *state = o->initial_state;
    if (!state) {
        if (o->dtype == VS_DTYPE_DEFAULT)
            return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                            "If there is no initial_state, you must give a "
                            "dtype.");
        state = make_zero_state(g, cell, batch, o->dtype, file, line);
        if (!state)
            return NULL;
    }
    /* _dynamic_rnn_loop */
    if (!vs__op(g, "Shape", VS_INT32, VS_SHAPE(3)) ||
        !vs__op(g, "strided_slice", VS_INT32, VS_SCALAR))
        return NULL;
    if (x->shape.rank >= 0 && x->shape.rank < 3)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "Shape %s must have rank at least 3",
                        vs__shape_str(&x->shape, shape, sizeof shape));
    bool known = x->shape.rank >= 3;
    for (int i = 2; known && i < x->shape.rank; i++)
        known = x->shape.dims[i] >= 0;
    if (!known)
        return vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                        "Input size (depth of inputs) must be accessible via "
                        "shape inference, but saw value None.");
    const char *outer = g->name_scope;
    if (!vs__op_name(g, outer, "time") || !vs__unique_name(g, outer, "dynamic_rnn") ||
        !vs__op_name(g, outer, "TensorArray") ||
        !vs__op_name(g, outer, "TensorArray"))
        return NULL;
    /* the loop body, once, in the name scope "while" */
    const char *wns = vs__name_scope(g, "while", file, line);
    if (!wns)
        return NULL;
    vs_shape in_t = {2, {x->shape.dims[1], x->shape.dims[2]}};
    vs_tensor *x_t = op(g, "TensorArrayReadV3", x->dtype, &in_t, x, NULL);
    vs_rnn_state *ns = NULL;
    vs_tensor *y = x_t ? invoke(g, cell, x_t, state, &ns, file, line) : NULL;
    if (!y)
        return NULL;
    /* the loop's exits: iteration counter, time, output array, state */
    vs_rnn_state *fs = new_state(g, ns->n);
    if (!fs || !vs__op_name(g, wns, "Exit") || !vs__op_name(g, wns, "Exit") ||
        !vs__op_name(g, wns, "Exit"))
        return NULL;
    for (int i = 0; i < ns->n; i++) {
        fs->t[i] = op(g, "Exit", ns->t[i]->dtype, &ns->t[i]->shape, ns->t[i],
                      NULL);
        if (!fs->t[i])
            return NULL;
    }
    if (vs__exit(g) < 0)
        return NULL;
    /* outputs: the array stacked [time, batch, depth], then transposed */
    const char *sns = vs__name_scope(g, "TensorArrayStack", file, line);
    vs_shape os = {3, {x->shape.dims[0], x->shape.dims[1], output_size(cell)}};
    vs_tensor *out = sns ? op(g, "TensorArrayGatherV3", y->dtype, &os, y, NULL)
                         : NULL;
    if (!out || vs__exit(g) < 0)
        return NULL;
    if (!o->time_major) {
        static const char *const marks[] = {"Rank", "range"};
        for (size_t i = 0; i < 2; i++)
            if (!vs__op_name(g, g->name_scope, marks[i]))
                return NULL;
        vs_shape bs = {3, {os.dims[1], os.dims[0], os.dims[2]}};
        out = op(g, "transpose", out->dtype, &bs, out, NULL);
    }
    if (!out || vs__exit(g) < 0)
        return NULL;
    *final = fs;
    return out;
}

vs_tensor *vs_dynamic_rnn_at(vs_graph *g, vs_layer *cell, vs_tensor *inputs,
                             const vs_dynamic_rnn_opts *opts,
                             const char *file, int line)
{
    static const vs_dynamic_rnn_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    const char *bad = check_cell(g, cell);
    vs_tensor *out = NULL;
    vs_rnn_state *fs = NULL;
    if (bad)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "The argument 'cell' %s", bad);
    else if (!inputs)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "dynamic_rnn: inputs is NULL");
    else if (!vs__dtype_valid(opts->dtype))
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_DTYPE_INVALID);
    else if (opts->scope && !opts->scope[0])
        vs__fail(g, VS_ERR_INVALID_NAME, VS_MSG_EMPTY_SCOPE_NAME);
    else
        out = dynamic_rnn(g, cell, inputs, opts, &fs, file, line);
    out = vs__end_call(g, out, file, line);
    if (out && opts->final_state)
        *opts->final_state = fs;
    return out;
}

size_t vs_rnn_state_size(const vs_rnn_state *s) { return s ? (size_t)s->n : 0; }

vs_tensor *vs_rnn_state_tensor(const vs_rnn_state *s, size_t i)
{
    return s && i < (size_t)s->n ? s->t[i] : NULL;
}
