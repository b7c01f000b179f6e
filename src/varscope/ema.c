/* tf.train.ExponentialMovingAverage (python/training/moving_averages.py).
 *
 * apply(var_list): every variable must be half, float or double; for each
 * one not averaged yet, under init_scope, var.initialized_value() (the ops
 * IsVariableInitialized and cond in the current name scope) and
 * slot_creator.create_slot(var, that value, name): get_variable("",
 * initializer=value) under variable_scope(None, default_name=
 * "<var>/ExponentialMovingAverage"), and the variable joins
 * MOVING_AVERAGE_VARIABLES; then the name scope of the EMA's name holds
 * the updates and the op named after it.
 *
 * apply([tensors]) (vs_ema_apply_tensors): a tensor that is not a variable
 * gets slot_creator.create_zeros_slot(t, name): get_variable("", t's
 * shape and dtype, zeros_initializer, trainable=False) under
 * variable_scope(None, default_name="<t.op.name>/<name>"), and joins no
 * collection.  With zero_debias the update, assign_moving_average(avg, t,
 * decay, zero_debias=True) in name_scope(None, "AssignMovingAvg"), calls
 * _zero_debias: variable_scope(avg.name[:-2]) entered by string, and
 * there get_variable of "biased" (avg's shape) and "local_step" ([]),
 * zeros, not trainable, each made unique as _maybe_get_unique does when
 * the scope does not reuse.  A tensor whose shape is not fully defined
 * (create_zeros_slot's validate_shape=False path) is not modelled: the
 * library fails it as undefined-shape. */
#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

vs_ema *vs_exponential_moving_average_at(vs_graph *g, double decay,
                                         const vs_ema_opts *opts,
                                         const char *file, int line)
{
    static const vs_ema_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_ema *e = NULL;
    if (opts->name && !opts->name[0])
        vs__fail(g, VS_ERR_INVALID_NAME, VS_MSG_EMPTY_SCOPE_NAME);
    else if ((e = vs__new_object(g, VS_LIST_EMAS, sizeof *e))) {
        e->graph = g;
        e->decay = decay;
        e->zero_debias = opts->zero_debias;
        e->name = vs__intern(g, opts->name ? opts->name
                                           : "ExponentialMovingAverage");
        if (!e->name)
            e = NULL;
    }
    return vs__end_call(g, e, file, line);
}

vs_var *vs_ema_average(const vs_ema *ema, const vs_var *var)
{
    if (!ema || !var)
        return NULL;
    for (size_t i = 0; i < ema->averages.len; i++) {
        const vs_slot *s = ema->averages.items[i];
        if (s->primary == var)
            return s->slot;
    }
    return NULL;
}

vs_var *vs_ema_average_tensor(const vs_ema *ema, const vs_tensor *t)
{
    if (!ema || !t)
        return NULL;
    for (size_t i = 0; i < ema->averages.len; i++) {
        const vs_slot *s = ema->averages.items[i];
        if (s->primary_tensor == t)
            return s->slot;
    }
    return NULL;
}

/* var.initialized_value(): cond(is_variable_initialized(var), read_value,
 * initial_value), made in the current name scope */
static vs_tensor *initialized_value(vs_graph *g, vs_var *v, const char *file,
                                    int line)
{
    if (!vs__op_name(g, g->name_scope, "IsVariableInitialized"))
        return NULL;
    const char *ns = vs__name_scope(g, "cond", file, line);
    vs_tensor *in = v->read;
    vs_tensor *t = ns ? vs__op_in(g, "Merge", VS_OP_IDENTITY, v->dtype,
                                  &v->shape, 1, &in)
                      : NULL;
    return t && vs__exit(g) == 0 ? t : NULL;
}

/* The update op of an apply, named after the EMA's name scope ns (made
 * unique as an op name), which it then leaves. */
static vs_op *group_op(vs_graph *g, const char *ns)
{
    const char *name = vs__op_name(g, "", ns);
    if (!name || vs__exit(g) < 0)
        return NULL;
    return vs__new_op(g, name, VS_OPT_EMA);
}

static vs_op *apply(vs_graph *g, vs_ema *ema, const vs_var_list *list,
                    const char *file, int line)
{
    for (size_t i = 0; i < list->len; i++) {
        const vs_var *v = list->vars[i];
        if (!v)
            return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                            "var_list[%zu] is NULL", i);
        if (!vs__dtype_floating(v->dtype))
            return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                            "The variables must be half, float, or double: %s",
                            v->name);
    }
    for (size_t i = 0; i < list->len; i++) {
        vs_var *v = list->vars[i];
        if (vs_ema_average(ema, v))
            continue;
        vs_tensor *value = initialized_value(g, v, file, line);
        vs_var *avg = value ? vs__create_slot(g, v, ema->name, vs_init_zeros(),
                                              value, file, line)
                            : NULL;
        vs_slot *rec = avg ? vs__calloc(g, sizeof *rec) : NULL;
        if (!rec)
            return NULL;
        rec->slot_name = ema->name;
        rec->primary = v;
        rec->slot = avg;
        if (vs__collect(g, VS_MOVING_AVERAGE_VARIABLES, v) < 0 ||
            vs__vec_push(g, &ema->averages, rec) < 0)
            return NULL;
    }
    const char *ns = vs__name_scope(g, ema->name, file, line);
    if (!ns || !vs__op_name(g, ns, "decay"))
        return NULL;
    for (size_t i = 0; i < list->len; i++)
        if (!vs__op_name(g, ns, "AssignMovingAvg"))
            return NULL;
    return group_op(g, ns);
}

vs_op *vs_ema_apply_at(vs_graph *g, vs_ema *ema,
                       const vs_ema_apply_opts *opts, const char *file,
                       int line)
{
    static const vs_ema_apply_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_op *op = NULL;
    const vs_var_list *list = opts->var_list;
    if (!ema || ema->graph != g) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "ema apply: %s",
                 !ema ? "the moving average is NULL"
                      : "the moving average belongs to another graph");
    } else {
        if (!list) {   /* trainable_variables() */
            size_t n = vs__collection_len(g, VS_TRAINABLE_VARIABLES);
            vs_var **vars = vs__calloc(g, (n ? n : 1) * sizeof *vars);
            for (size_t i = 0; vars && i < n; i++)
                vars[i] = vs__collection_at(g, VS_TRAINABLE_VARIABLES, i);
            list = vars ? vs__var_list(g, vars, n) : NULL;
        }
        if (list)
            op = apply(g, ema, list, file, line);
    }
    return vs__end_call(g, op, file, line);
}

/* t.op.name: the tensor's name without ":<index>" (graph-owned) */
static const char *tensor_op_name(vs_graph *g, const vs_tensor *t)
{
    const char *colon = strrchr(t->name, ':');
    size_t n = colon ? (size_t)(colon - t->name) : strlen(t->name);
    char buf[512];
    snprintf(buf, sizeof buf, "%.*s", (int)n, t->name);
    return vs__intern(g, buf);
}

/* _maybe_get_unique(name): the name, or name_<k> for the first k whose
 * "<scope>/<name>_<k>" no global variable's op has, when scope does not
 * reuse */
static const char *maybe_unique(vs_graph *g, const vs_scope *s,
                                const char *name)
{
    if (vs_scope_reuse(s) != VS_REUSE_INHERIT)
        return name;
    char full[1100], cand[512];
    size_t nv = vs__collection_len(g, VS_GLOBAL_VARIABLES);
    for (int k = 0;; k++) {
        if (k == 0)
            snprintf(cand, sizeof cand, "%s", name);
        else
            snprintf(cand, sizeof cand, "%s_%d", name, k);
        snprintf(full, sizeof full, "%s/%s:0", vs_scope_name(s), cand);
        bool taken = false;
        for (size_t i = 0; i < nv && !taken; i++) {
            const vs_var *v = vs__collection_at(g, VS_GLOBAL_VARIABLES, i);
            taken = v && strcmp(v->name, full) == 0;
        }
        if (!taken)
            return vs__intern(g, cand);
    }
}

/* assign_moving_average's _zero_debias(avg, value, decay) */
static int zero_debias(vs_graph *g, const vs_var *avg, const char *file,
                       int line)
{
    size_t n = strlen(avg->name);
    char buf[512];
    snprintf(buf, sizeof buf, "%.*s", (int)(n >= 2 ? n - 2 : n), avg->name);
    const char *sname = vs__intern(g, buf);
    vs_enter_req req = {.name = sname};
    vs_scope *s = sname ? vs__enter(g, &req, file, line) : NULL;
    if (!s)
        return -1;
    const char *bn = maybe_unique(g, s, "biased");
    vs_getvar_req b = {bn, &avg->shape, avg->dtype, vs_init_zeros(), true,
                       NULL};
    if (!bn || !vs__get_variable(g, s, &b, file, line))
        return -1;
    const char *ln = maybe_unique(g, s, "local_step");
    vs_getvar_req l = {ln, VS_SCALAR, avg->dtype, vs_init_zeros(), true,
                       NULL};
    if (!ln || !vs__get_variable(g, s, &l, file, line))
        return -1;
    return vs__exit(g);
}

static vs_op *apply_tensors(vs_graph *g, vs_ema *ema,
                            vs_tensor *const *ts, size_t n,
                            const char *file, int line)
{
    for (size_t i = 0; i < n; i++) {
        if (!ts[i])
            return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                            "tensors[%zu] is NULL", i);
        if (!vs__dtype_floating(ts[i]->dtype))
            return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                            "The variables must be half, float, or double: %s",
                            ts[i]->name);
    }
    for (size_t i = 0; i < n; i++) {
        const vs_tensor *t = ts[i];
        if (vs_ema_average_tensor(ema, t))
            continue;
        const char *prefix = tensor_op_name(g, t);
        const char *dn = prefix ? vs__intern3(g, prefix, "/", ema->name) : NULL;
        vs_enter_req req = {.default_name = dn};
        vs_scope *s = dn ? vs__enter(g, &req, file, line) : NULL;
        if (!s)
            return NULL;
        vs_getvar_req gv = {"", &t->shape, t->dtype, vs_init_zeros(), true,
                            NULL};
        vs_var *avg = vs__get_variable(g, s, &gv, file, line);
        if (!avg || vs__exit(g) < 0)
            return NULL;
        vs_slot *rec = vs__calloc(g, sizeof *rec);
        if (!rec)
            return NULL;
        rec->slot_name = ema->name;
        rec->primary_tensor = t;
        rec->slot = avg;
        rec->zero_debias = ema->zero_debias;
        if (vs__vec_push(g, &ema->averages, rec) < 0)
            return NULL;
    }
    const char *ns = vs__name_scope(g, ema->name, file, line);
    if (!ns || !vs__op_name(g, ns, "decay"))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        vs_slot *rec = NULL;
        for (size_t j = 0; j < ema->averages.len && !rec; j++) {
            vs_slot *s = ema->averages.items[j];
            if (s->primary_tensor == ts[i])
                rec = s;
        }
        assert(rec);
        if (!rec->zero_debias) {
            if (!vs__op_name(g, ns, "AssignMovingAvg"))
                return NULL;
            continue;
        }
        if (!vs__name_scope(g, "AssignMovingAvg", file, line) ||
            zero_debias(g, rec->slot, file, line) < 0 || vs__exit(g) < 0)
            return NULL;
    }
    return group_op(g, ns);
}

vs_op *vs_ema_apply_tensors_at(vs_graph *g, vs_ema *ema,
                               vs_tensor *const *tensors, size_t n,
                               const char *file, int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    vs__begin(g);
    vs_op *op = NULL;
    if (!ema || ema->graph != g)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "ema apply: %s",
                 !ema ? "the moving average is NULL"
                      : "the moving average belongs to another graph");
    else if (n && !tensors)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "ema apply: tensors is NULL");
    else
        op = apply_tensors(g, ema, tensors, n, file, line);
    return vs__end_call(g, op, file, line);
}
