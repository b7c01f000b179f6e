/* tf.train.ExponentialMovingAverage (python/training/moving_averages.py).
 *
 * apply(var_list): every variable must be half, float or double; for each
 * one not averaged yet, under init_scope, var.initialized_value() (the ops
 * IsVariableInitialized and cond in the current name scope) and
 * slot_creator.create_slot(var, that value, name): get_variable("",
 * initializer=value) under variable_scope(None, default_name=
 * "<var>/ExponentialMovingAverage"), and the variable joins
 * MOVING_AVERAGE_VARIABLES; then the name scope of the EMA's name holds
 * the updates and the op named after it. */
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
    const char *name = vs__op_name(g, "", ns);
    if (!name || vs__exit(g) < 0)
        return NULL;
    vs_op *op = vs__new_object(g, VS_LIST_OPS, sizeof *op);
    if (!op)
        return NULL;
    op->name = name;
    op->type = VS_OPT_EMA;
    return op;
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
