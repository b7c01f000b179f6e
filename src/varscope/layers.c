/* The tf.layers base Layer (python/layers/base.py over keras's
 * engine/base_layer.py), which every layer and RNN cell shares:
 *
 *   construction  layer.name: the name given, else keras's per-graph
 *                 unique "dense_1", "dense_2" (one-based); the functional
 *                 forms with a name pass _scope=name, and the scope of that
 *                 name is entered by string and captured right away;
 *   __call__      _set_scope: on the first call (no scope yet) enter
 *                 variable_scope(None, default_name=base) (or, with
 *                 _reuse, variable_scope(base) by string) and capture it;
 *                 then enter the captured scope by object without a name
 *                 scope, reuse = built or _reuse; check the input against
 *                 the input spec (layer.name in the messages); enter the
 *                 captured scope's original name scope (absolute); build
 *                 once (add_weight: the captured scope again, get_variable
 *                 with the layer's dtype); call.
 *
 * So a layer object called again shares its variables with no reuse flag
 * (built makes reuse True), and a second object captures its own scope. */
#include <assert.h>
#include <string.h>

#include "internal.h"

vs_layer *vs__layer_new(vs_graph *g, vs_layer_kind kind, const char *base,
                        const char *name, vs_reuse reuse, bool not_trainable)
{
    vs_layer *l = vs__new_object(g, VS_LIST_LAYERS, sizeof *l);
    if (!l)
        return NULL;
    l->graph = g;
    l->kind = kind;
    l->reuse = reuse;
    l->trainable = !not_trainable;
    l->spec_axis = -1;
    l->kernel_name = "kernel";
    l->bias_name = "bias";
    if (name) {
        l->name = l->base_name = vs__intern(g, name);
    } else {
        l->base_name = base;
        l->name = vs__unique_layer_name(g, base);
    }
    return l->name ? l : NULL;
}

/* `with vs.variable_scope(...) as captured_scope: self._scope =
 * captured_scope`: the scope is entered and left at once, and kept. */
static int capture(vs_graph *g, vs_layer *l, const vs_enter_req *req,
                   const char *file, int line)
{
    vs_scope *s = vs__enter(g, req, file, line);
    if (!s || vs__exit(g) < 0)
        return -1;
    return VS__WRITE(g, l->scope, s);
}

/* Layer._set_scope(None) */
static int set_scope(vs_graph *g, vs_layer *l, const char *file, int line)
{
    if (l->scope)
        return 0;
    vs_enter_req req = {0};
    if (l->reuse != VS_REUSE_INHERIT)
        req.name = l->base_name;          /* variable_scope(base_name) */
    else
        req.default_name = l->base_name;  /* made unique */
    return capture(g, l, &req, file, line);
}

/* What keras's input_spec.assert_input_compatibility checks. */
static int check_input(vs_graph *g, const vs_layer *l, const vs_tensor *x)
{
    int ndim = -1, min_ndim = -1;
    /* after build, Dense, Conv2D and BatchNormalization fix an axis */
    bool axes = l->built && (l->kind == VS_LAYER_DENSE ||
                             l->kind == VS_LAYER_CONV2D ||
                             l->kind == VS_LAYER_BATCH_NORM);
    switch (l->kind) {
    case VS_LAYER_DENSE: min_ndim = 2; break;
    case VS_LAYER_CONV2D: case VS_LAYER_MAX_POOLING2D: ndim = 4; break;
    case VS_LAYER_FLATTEN: min_ndim = 1; break;
    case VS_LAYER_BATCH_NORM:
        if (l->built)
            ndim = l->built_rank;
        break;
    default: break;
    }
    char shape[256];
    const vs_shape *s = &x->shape;
    if ((ndim >= 0 || min_ndim >= 0) && s->rank < 0) {
        vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                 "Input 0 of layer %s is incompatible with the layer: its "
                 "rank is undefined, but the layer requires a defined rank.",
                 l->name);
        return -1;
    }
    if (ndim >= 0 && s->rank != ndim) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "Input 0 of layer %s is incompatible with the layer: "
                 "expected ndim=%d, found ndim=%d. Full shape received: %s",
                 l->name, ndim, s->rank, vs__shape_list(s, shape, sizeof shape));
        return -1;
    }
    if (min_ndim >= 0 && s->rank < min_ndim) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 VS_MSG_LAYER_MIN_NDIM,
                 l->name, min_ndim, s->rank,
                 vs__shape_list(s, shape, sizeof shape));
        return -1;
    }
    if (axes && s->rank > 0) {
        int idx = l->spec_axis < 0 ? s->rank + l->spec_axis : l->spec_axis;
        int64_t got = idx >= 0 && idx < s->rank ? s->dims[idx] : -1;
        if (got >= 0 && got != l->built_axis) {
            vs__fail(g, VS_ERR_SHAPE_MISMATCH,
                     "Input 0 of layer %s is incompatible with the layer: "
                     "expected axis %d of input shape to have value %lld but "
                     "received input with shape %s",
                     l->name, l->spec_axis, (long long)l->built_axis,
                     vs__shape_list(s, shape, sizeof shape));
            return -1;
        }
    }
    return 0;
}

vs_var *vs__add_weight(vs_graph *g, vs_layer *l, const char *name,
                       const vs_shape *shape, vs_dtype dt, vs_init init,
                       bool trainable, const char *file, int line)
{
    assert(l->nweights < VS_LAYER_MAX_WEIGHTS);
    /* reuse = self.built or self._reuse; built is still False here */
    vs_scope *s = vs__reenter(g, l->scope, l->reuse, true, file, line);
    if (!s || !vs__name_scope(g, l->scope->original_name_scope, file, line))
        return NULL;
    if (init.kind == VS_INIT_NONE)
        init = s->initializer;          /* the scope's initializer */
    if (init.kind == VS_INIT_NONE)      /* keras add_weight's default */
        init = vs__dtype_floating(dt) ? vs_init_glorot_uniform()
                                      : vs_init_zeros();
    vs_getvar_req req = {name, shape, dt, init, !(trainable && l->trainable),
                         l->collection};
    vs_var *v = vs__get_variable(g, s, &req, file, line);
    if (!v || vs__exit(g) < 0 || vs__exit(g) < 0)
        return NULL;
    int n = l->nweights + 1;
    if (VS__WRITE(g, l->weights[l->nweights], v) < 0 ||
        VS__WRITE(g, l->nweights, n) < 0)
        return NULL;
    return v;
}

static int build(vs_graph *g, vs_layer *l, const vs_call *c)
{
    switch (l->kind) {
    case VS_LAYER_DENSE: return vs__dense_build(g, l, c->input, c);
    case VS_LAYER_CONV2D: return vs__conv_build(g, l, c->input, c);
    case VS_LAYER_BATCH_NORM: return vs__bn_build(g, l, c->input, c);
    case VS_LAYER_BASIC_RNN: case VS_LAYER_BASIC_LSTM: case VS_LAYER_LSTM:
    case VS_LAYER_GRU:
        return vs__cell_build(g, l, c->input, c);
    default: return 0;      /* no weights */
    }
}

static vs_tensor *call(vs_graph *g, vs_layer *l, const vs_call *c)
{
    switch (l->kind) {
    case VS_LAYER_DENSE: return vs__dense_call(g, l, c->input);
    case VS_LAYER_CONV2D: return vs__conv_call(g, l, c->input);
    case VS_LAYER_MAX_POOLING2D: return vs__pool_call(g, l, c->input);
    case VS_LAYER_FLATTEN: return vs__flatten_call(g, l, c->input);
    case VS_LAYER_DROPOUT: return vs__dropout_call(g, l, c->input, c->training);
    case VS_LAYER_BATCH_NORM: return vs__bn_call(g, l, c->input, c->training);
    default: return vs__cell_call(g, l, c->input, c);
    }
}

vs_tensor *vs__layer_call(vs_graph *g, vs_layer *l, const vs_call *c)
{
    const char *file = c->file;
    int line = c->line;
    if (set_scope(g, l, file, line) < 0)
        return NULL;
    vs_scope *s = vs__reenter(g, l->scope, l->built ? VS_REUSE : l->reuse,
                              true, file, line);
    if (!s || check_input(g, l, c->input) < 0 ||
        !vs__name_scope(g, l->scope->original_name_scope, file, line))
        return NULL;
    if (!l->built) {
        /* _maybe_build: the layer's dtype is its first input's */
        vs_dtype dt = vs__dtype_or_float(c->input->dtype);
        bool yes = true;
        if (VS__WRITE(g, l->dtype, dt) < 0 || build(g, l, c) < 0 ||
            VS__WRITE(g, l->built, yes) < 0)
            return NULL;
    }
    vs_tensor *out = call(g, l, c);
    if (!out || vs__exit(g) < 0 || vs__exit(g) < 0)
        return NULL;
    return out;
}

vs_tensor *vs__apply_new_layer(vs_graph *g, vs_layer *l, bool scope_now,
                               vs_tensor *input, bool training,
                               const char *file, int line)
{
    if (!l)
        return NULL;
    /* Layer.__init__ with _scope: `with vs.variable_scope(_scope) as s` */
    vs_enter_req req = {.name = l->base_name};
    if (scope_now && capture(g, l, &req, file, line) < 0)
        return NULL;
    vs_call c = {.input = input, .training = training, .file = file,
                 .line = line};
    return vs__layer_call(g, l, &c);
}

/* ---- the public layer-object calls ---- */

static bool act_valid(vs_activation a)
{
    return (unsigned)a <= (unsigned)VS_ACT_TANH;
}

/* Checks shared by every layer constructor; records the failure. */
int vs__check_layer_args(vs_graph *g, const char *name, vs_reuse reuse,
                         vs_activation act)
{
    if (name && !name[0]) {
        vs__fail(g, VS_ERR_INVALID_NAME, VS_MSG_EMPTY_SCOPE_NAME);
        return -1;
    }
    if ((unsigned)reuse > (unsigned)VS_AUTO_REUSE) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "The reuse parameter must be True or False or None.");
        return -1;
    }
    if (!act_valid(act)) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "activation is not a vs_activation value");
        return -1;
    }
    return 0;
}

vs_tensor *vs_layer_apply_at(vs_graph *g, vs_layer *layer, vs_tensor *input,
                             const vs_apply_opts *opts, const char *file,
                             int line)
{
    static const vs_apply_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_tensor *out = NULL;
    if (!layer || !input)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "layer apply: %s is NULL",
                 !layer ? "layer" : "input");
    else if (layer->graph != g)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "layer apply: the layer belongs to another graph");
    else if (layer->kind >= VS_LAYER_BASIC_RNN)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "layer apply: %s is an RNN cell: call it with "
                 "vs_rnn_cell_call (inputs and state)", layer->name);
    else {
        vs_call c = {.input = input, .training = opts->training,
                     .file = file, .line = line};
        out = vs__layer_call(g, layer, &c);
    }
    return vs__end_call(g, out, file, line);
}

const char *vs_layer_name(const vs_layer *l) { return l ? l->name : NULL; }
vs_scope *vs_layer_scope(const vs_layer *l) { return l ? l->scope : NULL; }

size_t vs_layer_variables(const vs_layer *l, vs_var **out, size_t cap)
{
    if (!l)
        return 0;
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++)      /* trainable first */
        for (int i = 0; i < l->nweights; i++)
            if (l->weights[i]->trainable == (pass == 0)) {
                if (n < cap)
                    out[n] = l->weights[i];
                n++;
            }
    for (int i = 0; i < l->ncells; i++) {     /* MultiRNNCell: its cells' */
        size_t k = vs_layer_variables(l->cells[i], n < cap ? out + n : NULL,
                                      n < cap ? cap - n : 0);
        n += k;
    }
    return n;
}
