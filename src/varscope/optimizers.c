/* Optimizers and their slots (python/training/optimizer.py, adam.py,
 * momentum.py, rmsprop.py, adagrad.py, gradient_descent.py,
 * slot_creator.py), the global step (training_util.py) and
 * tf.global_variables_initializer.
 *
 * minimize = compute_gradients + apply_gradients:
 *   compute_gradients  the loss must be float; var_list defaults to the
 *                      trainable variables ("No variables to optimize."
 *                      if none); tf.gradients opens the name scope
 *                      "gradients"; a variable has a gradient when the loss
 *                      depends on it through float ops; none at all is
 *                      "No gradients provided for any variable ...";
 *   apply_gradients    _create_slots for the variables with a gradient,
 *                      under init_scope (the current name and variable
 *                      scopes stay); then the name scope of the op ("Adam")
 *                      and the train op named after it.
 * The slot creator makes each slot as get_variable("") under
 * variable_scope(None, default_name=<var op name>/<optimizer name>): the
 * first slot of w is "w/Adam" (key "w/Adam/"), the second "w/Adam_1".  In
 * a scope with reuse=True the slot does not exist: TF's "Variable
 * w/Adam/ does not exist, or was not created with tf.get_variable()".
 * Adam's beta1_power and beta2_power are tf.Variables in the current name
 * scope, made once per optimizer object. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* v.op.name: the name without ":0" (graph-owned) */
static const char *op_name_of(vs_graph *g, const vs_var *v)
{
    size_t n = strlen(v->name);
    char buf[512];
    snprintf(buf, sizeof buf, "%.*s", (int)(n >= 2 ? n - 2 : n), v->name);
    return vs__intern(g, buf);
}

/* slot_creator.create_slot / create_slot_with_initializer */
vs_var *vs__create_slot(vs_graph *g, const vs_var *primary, const char *name,
                        vs_init init, vs_tensor *value, const char *file,
                        int line)
{
    const char *prefix = op_name_of(g, primary);
    const char *dn = prefix ? vs__intern3(g, prefix, "/", name) : NULL;
    if (!dn)
        return NULL;
    vs_enter_req req = {.default_name = dn};
    vs_scope *s = vs__enter(g, &req, file, line);
    if (!s)
        return NULL;
    vs_getvar_req gv = {"", value ? NULL : &primary->shape,
                        value ? VS_DTYPE_DEFAULT : primary->dtype,
                        value ? vs_init_value(value) : init, true, NULL};
    vs_var *slot = vs__get_variable(g, s, &gv, file, line);
    if (!slot || vs__exit(g) < 0)
        return NULL;
    return slot;
}

/* ---- optimizer objects ---- */

static const char *default_name(vs_opt_kind k)
{
    static const char *const names[] = {"GradientDescent", "Momentum", "Adam",
                                        "RMSProp", "Adagrad"};
    return names[k];
}

static vs_optimizer *make(vs_graph *g, vs_opt_kind kind, double lr,
                          double momentum, const vs_optimizer_opts *o,
                          const char *file, int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    static const vs_optimizer_opts none;
    if (!o)
        o = &none;
    vs__begin(g);
    vs_optimizer *opt = NULL;
    double acc = o->initial_accumulator_value;
    if (o->name && !o->name[0])
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "Must specify the optimizer name");
    else if (kind == VS_OPT_ADAGRAD && acc < 0)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "initial_accumulator_value must be positive: %g", acc);
    else if ((opt = vs__new_object(g, VS_LIST_OPTIMIZERS, sizeof *opt))) {
        opt->graph = g;
        opt->kind = kind;
        opt->name = vs__intern(g, o->name ? o->name : default_name(kind));
        opt->learning_rate = lr;
        opt->momentum = momentum;
        opt->beta1 = o->beta1 > 0 ? o->beta1 : 0.9;
        opt->beta2 = o->beta2 > 0 ? o->beta2 : 0.999;
        opt->epsilon = o->epsilon > 0 ? o->epsilon
                       : kind == VS_OPT_RMSPROP ? 1e-10 : 1e-8;
        opt->decay = o->decay > 0 ? o->decay : 0.9;
        opt->centered = o->centered;
        opt->use_nesterov = o->use_nesterov;
        opt->initial_accumulator_value = acc > 0 ? acc : 0.1;
        if (!opt->name)
            opt = NULL;
    }
    return vs__end_call(g, opt, file, line);
}

vs_optimizer *vs_gradient_descent_optimizer_at(vs_graph *g,
                                               double learning_rate,
                                               const vs_optimizer_opts *opts,
                                               const char *file, int line)
{
    return make(g, VS_OPT_GRADIENT_DESCENT, learning_rate, 0, opts, file,
                line);
}

vs_optimizer *vs_momentum_optimizer_at(vs_graph *g, double learning_rate,
                                       double momentum,
                                       const vs_optimizer_opts *opts,
                                       const char *file, int line)
{
    return make(g, VS_OPT_MOMENTUM, learning_rate, momentum, opts, file, line);
}

vs_optimizer *vs_adam_optimizer_at(vs_graph *g, const vs_optimizer_opts *opts,
                                   const char *file, int line)
{
    double lr = opts && opts->learning_rate > 0 ? opts->learning_rate : 0.001;
    return make(g, VS_OPT_ADAM, lr, 0, opts, file, line);
}

vs_optimizer *vs_rmsprop_optimizer_at(vs_graph *g, double learning_rate,
                                      const vs_optimizer_opts *opts,
                                      const char *file, int line)
{
    return make(g, VS_OPT_RMSPROP, learning_rate, opts ? opts->momentum : 0,
                opts, file, line);
}

vs_optimizer *vs_adagrad_optimizer_at(vs_graph *g, double learning_rate,
                                      const vs_optimizer_opts *opts,
                                      const char *file, int line)
{
    return make(g, VS_OPT_ADAGRAD, learning_rate, 0, opts, file, line);
}

vs_var *vs_optimizer_get_slot(const vs_optimizer *opt, const vs_var *var,
                              const char *name)
{
    if (!opt || !var || !name)
        return NULL;
    for (size_t i = 0; i < opt->slots.len; i++) {
        const vs_slot *s = opt->slots.items[i];
        if (s->primary == var && strcmp(s->slot_name, name) == 0)
            return s->slot;
    }
    return NULL;
}

const char *vs_optimizer_name(const vs_optimizer *opt)
{
    return opt ? opt->name : NULL;
}

/* ---- minimize ---- */

/* The loss depends on v through ops gradients flow through (float ones):
 * tf.gradients gives v a gradient. */
static bool walk(vs_tensor *t, const vs_var *v, unsigned long gen)
{
    if (t->mark == gen || !t->differentiable)
        return false;
    t->mark = gen;
    if (t->op == VS_OP_READ && t->var == v)
        return true;
    for (int i = 0; i < t->nin; i++)
        if (walk(t->in[i], v, gen))
            return true;
    return false;
}

static bool has_gradient(vs_graph *g, vs_tensor *loss, const vs_var *v)
{
    return walk(loss, v, ++g->mark_gen);
}

/* "[\"<tf.Variable 'w:0' shape=(3,) dtype=float32_ref>\"]" */
static const char *var_strs(const vs_var_list *l, char *buf, size_t n)
{
    size_t used = (size_t)snprintf(buf, n, "[");
    for (size_t i = 0; i < l->len && used < n; i++) {
        char r[512];
        vs_var_repr(l->vars[i], r, sizeof r);
        used += (size_t)snprintf(buf + used, n - used, "%s\"%s\"",
                                 i ? ", " : "", r);
    }
    if (used < n)
        snprintf(buf + used, n - used, "]");
    return buf;
}

/* Optimizer._zeros_slot / _get_or_make_slot_with_initializer: a slot is
 * made once per (slot name, variable) and optimizer object. */
static int slot(vs_graph *g, vs_optimizer *opt, const vs_var *v,
                const char *slot_name, vs_init init, const char *file,
                int line)
{
    if (vs_optimizer_get_slot(opt, v, slot_name))
        return 0;
    vs_var *s = vs__create_slot(g, v, opt->name, init, NULL, file, line);
    vs_slot *rec = s ? vs__calloc(g, sizeof *rec) : NULL;
    if (!rec)
        return -1;
    rec->slot_name = slot_name;
    rec->primary = v;
    rec->slot = s;
    return vs__vec_push(g, &opt->slots, rec);
}

/* Optimizer._create_non_slot_variable: tf.Variable(value, name=name,
 * trainable=False) in the current name scope, once per optimizer. */
static vs_var *non_slot(vs_graph *g, const char *name, float value,
                        const char *file, int line)
{
    vs_tensor *c = vs__calloc(g, sizeof *c);
    float *data = c ? vs__calloc(g, sizeof *data) : NULL;
    if (!data)
        return NULL;
    *data = value;
    c->dtype = VS_FLOAT32;
    c->shape = (vs_shape){.rank = 0};
    c->op = VS_OP_CONST;
    c->data = data;
    c->differentiable = true;
    c->name = "initial_value:0";
    vs_var *v = vs__variable(g, c, name, VS_DTYPE_DEFAULT, false, file, line);
    if (!v)
        return NULL;
    /* the value was converted inside the variable's name scope */
    const char *op = op_name_of(g, v);
    const char *vn = op ? vs__unique_name(g, op, "/initial_value") : NULL;
    if (!vn || vs__add_node(g, vn) < 0 ||
        !(c->name = vs__intern3(g, vn, ":0", "")))
        return NULL;
    return v;
}

static int create_slots(vs_graph *g, vs_optimizer *opt, vs_var **vars,
                        size_t n, const char *file, int line)
{
    if (opt->kind == VS_OPT_ADAM && !opt->beta1_power) {
        vs_var *b1 = non_slot(g, "beta1_power", (float)opt->beta1, file, line);
        vs_var *b2 = b1 ? non_slot(g, "beta2_power", (float)opt->beta2, file,
                                   line)
                        : NULL;
        if (!b2 || VS__WRITE(g, opt->beta1_power, b1) < 0 ||
            VS__WRITE(g, opt->beta2_power, b2) < 0)
            return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const vs_var *v = vars[i];
        int rc = 0;
        switch (opt->kind) {
        case VS_OPT_GRADIENT_DESCENT:
            break;
        case VS_OPT_MOMENTUM:
            rc = slot(g, opt, v, "momentum", vs_init_zeros(), file, line);
            break;
        case VS_OPT_ADAM:
            rc = slot(g, opt, v, "m", vs_init_zeros(), file, line);
            if (rc == 0)
                rc = slot(g, opt, v, "v", vs_init_zeros(), file, line);
            break;
        case VS_OPT_RMSPROP:
            rc = slot(g, opt, v, "rms", vs_init_ones(), file, line);
            if (rc == 0 && opt->centered)
                rc = slot(g, opt, v, "mg", vs_init_zeros(), file, line);
            if (rc == 0)
                rc = slot(g, opt, v, "momentum", vs_init_zeros(), file, line);
            break;
        case VS_OPT_ADAGRAD:
            rc = slot(g, opt, v, "accumulator",
                      vs_init_constant(opt->initial_accumulator_value), file,
                      line);
            break;
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}

vs_op *vs__new_op(vs_graph *g, const char *name, vs_op_type type)
{
    vs_op *op = vs__new_object(g, VS_LIST_OPS, sizeof *op);
    if (!op)
        return NULL;
    op->name = name;
    op->type = type;
    return op;
}

/* Optimizer._assert_valid_dtypes: float16, bfloat16, float32, float64 */
static bool valid_dtype(vs_graph *g, vs_dtype dt, const char *name)
{
    if (vs__dtype_floating(dt))
        return true;
    char r[32];
    vs__fail(g, VS_ERR_INVALID_ARGUMENT,
             "Invalid type %s for %s, expected: [tf.float16, tf.bfloat16, "
             "tf.float32, tf.float64].",
             vs__dtype_repr(dt, r, sizeof r), name);
    return false;
}

static const char *apply_ops(vs_optimizer *opt)
{
    switch (opt->kind) {
    case VS_OPT_MOMENTUM: return "ApplyMomentum";
    case VS_OPT_ADAM: return "ApplyAdam";
    case VS_OPT_RMSPROP: return opt->centered ? "ApplyCenteredRMSProp"
                                              : "ApplyRMSProp";
    case VS_OPT_ADAGRAD: return "ApplyAdagrad";
    default: return "ApplyGradientDescent";
    }
}

static vs_op *minimize(vs_graph *g, vs_optimizer *opt, vs_tensor *loss,
                       const vs_minimize_opts *o, const char *file, int line)
{
    char buf[2048];
    /* compute_gradients */
    if (!valid_dtype(g, loss->dtype, loss->name))
        return NULL;
    const vs_var_list *list = o->var_list;
    if (!list) {
        size_t n = vs__collection_len(g, VS_TRAINABLE_VARIABLES);
        vs_var **vars = vs__calloc(g, (n ? n : 1) * sizeof *vars);
        if (!vars)
            return NULL;
        for (size_t i = 0; i < n; i++)
            vars[i] = vs__collection_at(g, VS_TRAINABLE_VARIABLES, i);
        if (!(list = vs__var_list(g, vars, n)))
            return NULL;
    }
    if (list->len == 0)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT, "No variables to optimize.");
    for (size_t i = 0; i < list->len; i++)
        if (!list->vars[i])
            return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                            "var_list[%zu] is not a variable", i);
    const char *gs = vs__name_scope(g, "gradients", file, line);
    if (!gs || vs__exit(g) < 0)
        return NULL;
    vs_var **with = vs__calloc(g, list->len * sizeof *with);
    size_t n = 0;
    if (!with)
        return NULL;
    for (size_t i = 0; i < list->len; i++)
        if (has_gradient(g, loss, list->vars[i]))
            with[n++] = list->vars[i];
    for (size_t i = 0; i < n; i++)
        if (!valid_dtype(g, with[i]->dtype, with[i]->name))
            return NULL;
    if (n == 0) {
        char t[512];
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "No gradients provided for any variable, check your "
                        "graph for ops that do not support gradients, between "
                        "variables %s and loss %s.",
                        var_strs(list, buf, sizeof buf),
                        vs__tensor_repr(loss, t, sizeof t));
    }
    /* apply_gradients */
    if (create_slots(g, opt, with, n, file, line) < 0)
        return NULL;
    const char *ns = vs__name_scope(g, o->name ? o->name : opt->name, file,
                                    line);
    if (!ns)
        return NULL;
    for (size_t i = 0; i < n; i++) {     /* update_<var>/Apply... */
        const char *vn = op_name_of(g, with[i]);
        const char *un = vn ? vs__intern3(g, "update_", vn, "") : NULL;
        const char *uns = un ? vs__name_scope(g, un, file, line) : NULL;
        if (!uns || !vs__op_name(g, uns, apply_ops(opt)) || vs__exit(g) < 0)
            return NULL;
    }
    if (opt->kind == VS_OPT_ADAM) {       /* _finish: the beta powers */
        static const char *const ops[] = {"mul", "Assign", "mul", "Assign"};
        for (size_t i = 0; i < 4; i++)
            if (!vs__op_name(g, ns, ops[i]))
                return NULL;
    }
    /* the train op: group(..., name=scope), or with a global step
     * group(name="update") and assign_add(global_step, 1, name=scope) */
    if (o->global_step && !vs__op_name(g, ns, "update"))
        return NULL;
    const char *train = vs__op_name(g, "", ns);
    if (!train || vs__exit(g) < 0)
        return NULL;
    return vs__new_op(g, train, VS_OPT_TRAIN);
}

vs_op *vs_minimize_at(vs_graph *g, vs_optimizer *opt, vs_tensor *loss,
                      const vs_minimize_opts *opts, const char *file, int line)
{
    static const vs_minimize_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_op *op = NULL;
    if (!opt || !loss)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "minimize: %s is NULL",
                 !opt ? "the optimizer" : "loss");
    else if (opt->graph != g)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "minimize: the optimizer belongs to another graph");
    else if (opts->name && !opts->name[0])
        vs__fail(g, VS_ERR_INVALID_NAME, VS_MSG_EMPTY_SCOPE_NAME);
    else if (opts->global_step && !vs__dtype_integer(opts->global_step->dtype))
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "minimize: global_step %s must be an integer variable",
                 opts->global_step->name);
    else
        op = minimize(g, opt, loss, opts, file, line);
    return vs__end_call(g, op, file, line);
}

/* ---- the global step ---- */

vs_var *vs_get_or_create_global_step_at(vs_graph *g, const char *file,
                                        int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    vs__begin(g);
    vs_var *v = NULL;
    size_t n = vs__collection_len(g, VS_GLOBAL_STEP);
    if (n == 1) {
        v = vs__collection_at(g, VS_GLOBAL_STEP, 0);
    } else if (n > 1) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "Multiple tensors in global_step collection.");
    } else {
        /* get_global_step's fallback: the tensor "global_step:0" */
        for (size_t i = 0; i < g->lists[VS_LIST_VARS].len && !v; i++) {
            vs_var *c = g->lists[VS_LIST_VARS].items[i];
            if (strcmp(c->name, "global_step:0") == 0)
                v = c;
        }
        char r[512];
        if (v && !vs__dtype_integer(v->dtype)) {
            vs_var_repr(v, r, sizeof r);
            v = vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                         "Existing \"global_step\" must be an integer "
                         "variable. Found: %s", r);
        } else if (v && v->shape.rank != 0) {
            vs_var_repr(v, r, sizeof r);
            v = vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                         "Existing \"global_step\" is not scalar: %s", r);
        } else if (!v && !vs__failed(g)) {
            /* create_global_step: get_variable in the current scope */
            vs_getvar_req req = {"global_step", VS_SCALAR, VS_INT64,
                                 vs_init_zeros(), true, VS_GLOBAL_STEP};
            v = vs__get_variable(g, g->current, &req, file, line);
        }
    }
    return vs__end_call(g, v, file, line);
}

/* ---- tf.global_variables_initializer ---- */

vs_op *vs_global_variables_initializer_at(vs_graph *g, const char *file,
                                          int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    vs__begin(g);
    const vs_ptrvec *all = &g->lists[VS_LIST_VARS];
    const char *name = vs__op_name(g, g->name_scope, "init");
    vs_var_list *l = name ? vs__var_list(g, (vs_var *const *)all->items,
                                         all->len)
                          : NULL;
    vs_op *op = l ? vs__new_op(g, name, VS_OPT_INIT) : NULL;
    if (op)
        op->vars = l;
    return vs__end_call(g, op, file, line);
}

const char *vs_op_name(const vs_op *op) { return op ? op->name : NULL; }
