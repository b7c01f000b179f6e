/* Training over abstract state (the library's optimizers.c, ema.c and
 * session.c; tf-semantics.md §9): optimizer objects and minimize, whose
 * slots are get_variable("") under the slot creator's default-named
 * scopes, so that reuse leaked into minimize fails as TF fails ("Variable
 * w/Adam/ does not exist"); moving averages; the global step; the
 * initializer op and the session, which change nothing the engine
 * tracks. */
#include <stdio.h>
#include <string.h>

#include "model_int.h"
#include "varscope.h"

enum { OPT_GD, OPT_MOMENTUM, OPT_ADAM, OPT_RMSPROP, OPT_ADAGRAD };

bool m_double(const av *v, double *d)
{
    if (v->kind == AV_FLOAT) {
        *d = v->d;
        return true;
    }
    if (v->kind == AV_INT) {
        *d = (double)v->i;
        return true;
    }
    return false;
}

const char *m_var_op_name(sc_engine *e, const sc_var *v)
{
    if (!v || !v->name)
        return NULL;
    size_t n = strlen(v->name);
    return sc_istrn(e, v->name, n >= 2 ? n - 2 : n);
}

static sc_obj *new_obj(mrun *r, sc_obj_kind kind)
{
    sc_obj *o = sc_alloc(&r->e->arena, sizeof *o);
    o->id = m_new_obj_id(r);
    o->kind = kind;
    return o;
}

/* The op that closes a name scope an optimizer or moving average opened:
   named after the scope itself (`group(..., name=scope)`), then the scope
   is left; the op as the call's result, NULL when the run stopped. */
static const av *scope_op(mrun *r, const char *ns)
{
    sc_engine *e = r->e;
    const char *name = m_op_name(r, sc_istr(e, ""), ns, NULL, NULL);
    if (r->failed || !m_exit(r))
        return NULL;
    sc_obj *op = new_obj(r, SC_OBJ_OP);
    op->op.name = name;
    graph_put_obj(e, r->g, op);
    return av_obj(e, AV_OBJ, op->id, false);
}

/* Variables were made whose names and number the engine does not know (an
   unknown var_list, an average made before?): the store, the names and the
   counts may hold anything more, and the list of variables one unknown. */
static void vars_made_unknown(mrun *r)
{
    sc_engine *e = r->e;
    r->g->store_unknown = plist_add(e, r->g->store_unknown, sc_istr(e, ""));
    r->g->names_unknown = plist_add(e, r->g->names_unknown, sc_istr(e, ""));
    r->g->counts_unknown = true;
    r->g->vars = vlist_push(e, r->g->vars, NULL);
}

static sc_obj *copy_obj(mrun *r, const sc_obj *o)
{
    sc_obj *c = sc_alloc(&r->e->arena, sizeof *c);
    *c = *o;
    return c;
}

/* ---- the slot creator ---- */

/* slot_creator.create_slot / create_zeros_slot: get_variable("") under
 * variable_scope(None, default_name=<primary's op name>/<name>) */
static const sc_var *create_slot(mrun *r, const sc_var *primary,
                                 const char *name, int init_kind,
                                 const sc_tensor *value)
{
    sc_engine *e = r->e;
    const char *prefix = m_var_op_name(e, primary);
    m_enter_req q = m_enter_default(prefix && name ? m_cat(e, prefix, "/", name)
                                                   : NULL,
                                    VS_REUSE_INHERIT);
    if (!q.dflt)
        q.dflt_null = NO;    /* a default name nobody knows */
    const sc_scope *s = m_enter(r, &q);
    if (!s)
        return NULL;
    m_req gv = {0};
    gv.name = sc_istr(e, "");
    if (value || init_kind == VS_INIT_VALUE) {
        gv.dtype = VS_DTYPE_DEFAULT;
        gv.init_kind = VS_INIT_VALUE;
        gv.init_value = value ? av_tensor(e, value, false) : av_top();
    } else {
        gv.shape_given = true;
        gv.shape = primary ? primary->shape : m_unknown_shape;
        gv.shape_unknown = !primary || primary->shape.rank == SC_TOP_RANK;
        gv.dtype = primary ? primary->dtype : SC_DT_TOP;
        gv.init_kind = init_kind;
        gv.init_value = av_null();
    }
    gv.not_trainable = YES;
    const av *v = m_get_variable(r, s, &gv, false);
    if (!v || r->failed || !m_exit(r))
        return NULL;
    return v->kind == AV_VAR ? v->v : NULL;
}

/* ---- optimizer objects ---- */

static const char *default_name(int kind)
{
    static const char *const names[] = {"GradientDescent", "Momentum", "Adam",
                                        "RMSProp", "Adagrad"};
    return names[kind];
}

static const av *make_optimizer(mrun *r, int kind, const av *opts)
{
    sc_engine *e = r->e;
    int nn;
    const char *name = m_str(r, m_field(r, opts, "name"), &nn);
    double acc = 0;
    bool acc_known = m_double(m_field(r, opts, "initial_accumulator_value"),
                              &acc);
    if (m_check(r, nn == NO && name && !name[0], VS_ERR_INVALID_ARGUMENT,
                "Must specify the optimizer name") ||
        (kind == OPT_ADAGRAD &&
         m_check(r, !acc_known ? MAYBE : acc < 0, VS_ERR_INVALID_ARGUMENT,
                 "initial_accumulator_value must be positive: %g", acc)))
        return NULL;
    sc_obj *o = new_obj(r, SC_OBJ_OPTIMIZER);
    o->opt.kind = kind;
    o->opt.name = nn == YES ? sc_istr(e, default_name(kind))
                  : nn == NO ? name : NULL;
    int c = m_flag(m_field(r, opts, "centered"));
    o->opt.centered = c == MAYBE ? SC_UNK : c;
    graph_put_obj(e, r->g, o);
    return av_obj(e, AV_OBJ, o->id, false);
}

/* Optimizer._zeros_slot / _get_or_make_slot_with_initializer: once per
 * (slot name, variable) and optimizer object */
static bool slot(mrun *r, sc_obj *o, const sc_var *v, const char *slot_name,
                 int init_kind)
{
    sc_engine *e = r->e;
    slot_name = sc_istr(e, slot_name);
    const char *primary = v ? v->name : NULL;
    for (const sc_slot *s = o->opt.slots; s && primary; s = s->next)
        if (s->slot_name == slot_name && s->primary == primary)
            return true;
    if (o->opt.slots_unknown || !primary) {
        /* made before on some path, or not: maybe now */
        m_check(r, MAYBE, VS_ERR_MISSING_VARIABLE, "slot made before?");
        vars_made_unknown(r);
        return true;
    }
    const sc_var *sv = create_slot(r, v, o->opt.name, init_kind, NULL);
    if (!sv)
        return false;
    sc_slot *rec = sc_alloc(&e->arena, sizeof *rec);
    rec->slot_name = slot_name;
    rec->primary = primary;
    rec->var = sv;
    rec->next = o->opt.slots;
    o->opt.slots = rec;
    return true;
}

/* Optimizer._create_non_slot_variable: tf.Variable(value, name=name,
 * trainable=False) in the current name scope, once per optimizer; the
 * value's name scope inside it */
static bool non_slot(mrun *r, const char *name)
{
    sc_engine *e = r->e;
    sc_tensor *c = m_new_tensor(r, NULL, VS_FLOAT32, &(sc_shape){0, {0}});
    const sc_var *v = m_variable(r, av_tensor(e, c, false), sc_istr(e, name),
                                 false, VS_DTYPE_DEFAULT, NO);
    if (!v)
        return false;
    const char *op = m_var_op_name(e, v);
    const char *vn = m_unique_name(r, op, sc_istr(e, "/initial_value"), NULL,
                                   NULL);
    if (vn)
        M_SET(r, r->g->nodes, vn, (const void *)1);
    return !r->failed;
}

static bool create_slots(mrun *r, sc_obj *o, const sc_var **vars, size_t n)
{
    int kind = o->opt.kind;
    if (kind == OPT_ADAM && o->opt.has_powers != YES) {
        if (o->opt.has_powers == SC_UNK) {
            m_check(r, MAYBE, VS_ERR_INVALID_NAME, "powers made?");
            r->g->names_unknown = plist_add(r->e, r->g->names_unknown,
                                            sc_istr(r->e, ""));
            r->g->vars = vlist_push(r->e, r->g->vars, NULL);
        } else if (!non_slot(r, "beta1_power") || !non_slot(r, "beta2_power")) {
            return false;
        }
        o->opt.has_powers = YES;
    }
    for (size_t i = 0; i < n; i++) {
        const sc_var *v = vars[i];
        bool ok = true;
        switch (kind) {
        case OPT_GD:
            break;
        case OPT_MOMENTUM:
            ok = slot(r, o, v, "momentum", VS_INIT_ZEROS);
            break;
        case OPT_ADAM:
            ok = slot(r, o, v, "m", VS_INIT_ZEROS) &&
                 slot(r, o, v, "v", VS_INIT_ZEROS);
            break;
        case OPT_RMSPROP:
            ok = slot(r, o, v, "rms", VS_INIT_ONES);
            if (ok && o->opt.centered == SC_UNK) {
                m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "centered?");
                r->g->store_unknown = plist_add(r->e, r->g->store_unknown,
                                                sc_istr(r->e, ""));
                r->g->counts_unknown = true;
            } else if (ok && o->opt.centered) {
                ok = slot(r, o, v, "mg", VS_INIT_ZEROS);
            }
            if (ok)
                ok = slot(r, o, v, "momentum", VS_INIT_ZEROS);
            break;
        case OPT_ADAGRAD:
            ok = slot(r, o, v, "accumulator", VS_INIT_CONSTANT);
            break;
        default:
            m_check(r, MAYBE, VS_ERR_MISSING_VARIABLE, "optimizer kind?");
            break;
        }
        if (!ok || r->failed)
            return false;
    }
    return true;
}

static const char *apply_op(const sc_obj *o)
{
    switch (o->opt.kind) {
    case OPT_MOMENTUM: return "ApplyMomentum";
    case OPT_ADAM: return "ApplyAdam";
    case OPT_RMSPROP: return o->opt.centered == 1 ? "ApplyCenteredRMSProp"
                                                  : "ApplyRMSProp";
    case OPT_ADAGRAD: return "ApplyAdagrad";
    default: return "ApplyGradientDescent";
    }
}

/* does the loss depend on v through float ops (tf.gradients' walk)? */
static int has_gradient(const sc_tensor *loss, const sc_var *v)
{
    if (!loss)
        return MAYBE;
    if (v && v->name && deps_has(loss->deps, v->name))
        return YES;
    return loss->deps_top ? MAYBE : NO;
}

/* Optimizer._assert_valid_dtypes */
static bool valid_dtype(mrun *r, int dt, const char *name)
{
    int fl = m_dtype_floating(dt);
    return !m_check(r, fl == NO ? YES : fl == MAYBE ? MAYBE : NO,
                    VS_ERR_INVALID_ARGUMENT,
                    "Invalid type tf.%s for %s, expected: [tf.float16, "
                    "tf.bfloat16, tf.float32, tf.float64].",
                    m_dtype_name(dt), shown(name));
}

/* the trainable variables, or the var_list given, as a list (gaps
 * unknown); *unknown when it cannot be read at all */
static const sc_vlist *var_list(mrun *r, const av *opts, bool *unknown)
{
    const av *vl = m_field(r, opts, "var_list");
    *unknown = false;
    if (m_null_tri(vl) == YES)
        return m_collection(r, VS_TRAINABLE_VARIABLES);
    return m_vlist_arg(r, vl, unknown);
}

/* the variables of l oldest first, NULL entries where gaps are */
static const sc_var **oldest_first(mrun *r, const sc_vlist *l, uint32_t *n)
{
    *n = l ? l->len : 0;
    const sc_var **xs = sc_alloc(&r->e->arena, (*n + 1) * sizeof *xs);
    uint32_t i = *n;
    for (; l; l = l->next)
        xs[--i] = l->var;
    return xs;
}

static const av *op_minimize(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    const av *opts = m_options_arg(r, a);
    int on = m_null_tri(a[1]), ln = m_null_tri(a[2]);
    m_why_null(r, on == YES ? a[1] : a[2]);
    if (m_check(r, on == YES || ln == YES ? YES : on || ln ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT, "minimize: %s is NULL",
                on == YES ? "the optimizer" : "loss"))
        return NULL;
    const sc_obj *stored = a[1]->kind == AV_OBJ ? graph_obj(r->g, a[1]->id) : NULL;
    int nn;
    const char *name = m_str(r, m_field(r, opts, "name"), &nn);
    const av *gsv = m_field(r, opts, "global_step");
    const sc_var *gs = m_var_arg(gsv);
    int gs_null = m_null_tri(gsv);
    if (m_check(r, !stored ? MAYBE : stored->kind != SC_OBJ_OPTIMIZER,
                VS_ERR_INVALID_ARGUMENT,
                "minimize: the optimizer belongs to another graph") ||
        m_check(r, nn == NO && name && !name[0], VS_ERR_INVALID_NAME,
                VS_MSG_EMPTY_SCOPE_NAME) ||
        m_check(r, gs_null == YES ? NO
                   : !gs || gs->dtype == SC_DT_TOP ? MAYBE
                   : !(gs->dtype == VS_INT32 || gs->dtype == VS_INT64 ||
                       gs->dtype == VS_INT8 || gs->dtype == VS_INT16 ||
                       gs->dtype == VS_UINT8),
                VS_ERR_INVALID_ARGUMENT,
                "minimize: global_step %s must be an integer variable",
                shown(gs ? gs->name : NULL)))
        return NULL;
    if (!stored || stored->kind != SC_OBJ_OPTIMIZER) {
        /* an optimizer nobody knows: what it makes, nobody knows */
        vars_made_unknown(r);
        return av_obj(e, AV_OBJ, 0, false);
    }
    sc_obj *o = copy_obj(r, stored);
    /* compute_gradients */
    const sc_tensor *loss = m_tensor(a[2]);
    if (!valid_dtype(r, loss ? loss->dtype : SC_DT_TOP, loss ? loss->name : NULL))
        return NULL;
    bool unknown;
    const sc_vlist *list = var_list(r, opts, &unknown);
    if (unknown) {
        /* a list nobody knows may be empty ("No variables to optimize."),
         * hold NULL or a non-float variable (invalid-argument), and its
         * slots may be missing under reuse or, made under a scope whose
         * counts a string re-entry reset, exist already */
        m_check(r, MAYBE, VS_ERR_MISSING_VARIABLE, "var_list unknown");
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "var_list unknown");
        m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "var_list unknown");
        vars_made_unknown(r);
        o->opt.slots_unknown = true;
        o->opt.has_powers = o->opt.kind == OPT_ADAM ? SC_UNK : o->opt.has_powers;
        graph_put_obj(e, r->g, o);
        return av_obj(e, AV_OBJ, 0, false);
    }
    uint32_t n;
    const sc_var **vars = oldest_first(r, list, &n);
    if (m_check(r, !list ? YES : list->gaps && vlist_known_prefix(list) == 0 &&
                                   list->len == 1 ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT, "No variables to optimize."))
        return NULL;
    m_name_scope(r, sc_istr(e, "gradients"), NO);
    if (r->failed || !m_exit(r))
        return NULL;
    const sc_var **with = sc_alloc(&e->arena, (n + 1) * sizeof *with);
    uint32_t k = 0;
    bool maybe_more = false;
    for (uint32_t i = 0; i < n; i++) {
        int g = vars[i] ? has_gradient(loss, vars[i]) : MAYBE;
        if (g == YES)
            with[k++] = vars[i];
        else if (g == MAYBE)
            maybe_more = true, with[k++] = NULL;   /* a slot, maybe */
    }
    for (uint32_t i = 0; i < k; i++)
        if (with[i] && !valid_dtype(r, with[i]->dtype, with[i]->name))
            return NULL;
    char t[512];
    bool none_sure = true;
    for (uint32_t i = 0; i < k; i++)
        none_sure &= with[i] == NULL;
    if (m_check(r, k == 0 ? YES : none_sure ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT,
                "No gradients provided for any variable, check your graph for "
                "ops that do not support gradients, between variables %s and "
                "loss %s.", "[...]",
                m_tensor_repr(r, loss, loss ? &loss->shape : NULL, t,
                              sizeof t)))
        return NULL;
    /* apply_gradients: the slots of the variables with a gradient, in
     * order; one that may have none may get slots or not */
    if (maybe_more) {
        /* from the first doubtful one on, the slots' names are unknown */
        uint32_t first = 0;
        while (first < k && with[first])
            first++;
        if (!create_slots(r, o, with, first))
            return NULL;
        m_check(r, MAYBE, VS_ERR_MISSING_VARIABLE, "gradient?");
        vars_made_unknown(r);
        o->opt.slots_unknown = true;
        if (o->opt.kind == OPT_ADAM && o->opt.has_powers != YES)
            o->opt.has_powers = SC_UNK;
    } else if (!create_slots(r, o, with, k)) {
        return NULL;
    }
    graph_put_obj(e, r->g, o);
    const char *ns = m_name_scope(r, nn == YES ? o->opt.name : name,
                                  nn == YES && o->opt.name ? NO
                                  : nn == NO && name ? NO : MAYBE);
    if (r->failed)
        return NULL;
    for (uint32_t i = 0; i < k && !maybe_more; i++) {   /* update_<var>/Apply */
        const char *vn = m_var_op_name(e, with[i]);
        const char *un = vn ? m_cat(e, "update_", vn, "") : NULL;
        const char *uns = m_name_scope(r, un, un ? NO : MAYBE);
        if (r->failed || (m_op_name(r, uns, sc_istr(e, apply_op(o)), NULL, NULL),
                          r->failed) ||
            !m_exit(r))
            return NULL;
    }
    if (maybe_more)
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        ns ? ns : sc_istr(e, ""));
    if (o->opt.kind == OPT_ADAM) {      /* _finish: the beta powers */
        static const char *const ops[] = {"mul", "Assign", "mul", "Assign"};
        for (size_t i = 0; i < 4; i++)
            if ((m_op_name(r, ns, sc_istr(e, ops[i]), NULL, NULL), r->failed))
                return NULL;
    }
    /* the train op: group(..., name=scope), or with a global step
     * group(name="update") and assign_add(global_step, 1, name=scope) */
    if (gs_null != YES) {
        if (gs_null == MAYBE)
            r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                            ns ? ns : sc_istr(e, ""));
        else if ((m_op_name(r, ns, sc_istr(e, "update"), NULL, NULL), r->failed))
            return NULL;
    }
    return scope_op(r, ns);
}

/* ---- moving averages ---- */

static const av *make_ema(mrun *r, const av *opts)
{
    sc_engine *e = r->e;
    int nn;
    const char *name = m_str(r, m_field(r, opts, "name"), &nn);
    if (m_check(r, nn == NO && name && !name[0], VS_ERR_INVALID_NAME,
                VS_MSG_EMPTY_SCOPE_NAME))
        return NULL;
    sc_obj *o = new_obj(r, SC_OBJ_EMA);
    o->opt.name = nn == YES ? sc_istr(e, "ExponentialMovingAverage")
                  : nn == NO ? name : NULL;
    o->opt.zero_debias = m_flag(m_field(r, opts, "zero_debias"));
    graph_put_obj(e, r->g, o);
    return av_obj(e, AV_OBJ, o->id, false);
}

/* var.initialized_value(): IsVariableInitialized, then cond/Merge */
static const sc_tensor *initialized_value(mrun *r, const sc_var *v)
{
    sc_engine *e = r->e;
    m_op_name(r, r->g->ns, sc_istr(e, "IsVariableInitialized"), NULL, NULL);
    if (r->failed)
        return NULL;
    m_name_scope(r, sc_istr(e, "cond"), NO);
    if (r->failed)
        return NULL;
    const sc_tensor *in[1] = {v->read};
    const sc_tensor *t = m_op(r, "Merge", v->dtype, &v->shape, in, 1);
    return t && m_exit(r) ? t : NULL;
}

/* The moving average an apply is given: NULL fails, one of another graph
 * (or of a kind the engine does not hold) may; *failed when the call stops
 * here, NULL when the object is not known. */
static const sc_obj *ema_arg(mrun *r, const av *a, bool *failed)
{
    int en = m_null_tri(a);
    const sc_obj *stored = a->kind == AV_OBJ ? graph_obj(r->g, a->id) : NULL;
    *failed = m_check(r, en == YES ? YES : !stored ? MAYBE : stored->kind != SC_OBJ_EMA,
                      VS_ERR_INVALID_ARGUMENT, "ema apply: %s",
                      en == YES ? "the moving average is NULL"
                                : "the moving average belongs to another graph");
    return stored;
}

static const av *op_ema_apply(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    const av *opts = m_options_arg(r, a);
    bool failed;
    const sc_obj *stored = ema_arg(r, a[1], &failed);
    if (failed)
        return NULL;
    bool unknown;
    const sc_vlist *list = var_list(r, opts, &unknown);
    uint32_t n;
    const sc_var **vars = oldest_first(r, list, &n);
    if (!stored || unknown) {
        vars_made_unknown(r);
        /* as minimize's unknown var_list: slots missing or existing, a
         * NULL or non-float variable */
        m_check(r, MAYBE, VS_ERR_MISSING_VARIABLE, "ema");
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "ema");
        m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "ema");
        return av_obj(e, AV_OBJ, 0, false);
    }
    sc_obj *o = copy_obj(r, stored);
    for (uint32_t i = 0; i < n; i++) {
        int fl = vars[i] ? m_dtype_floating(vars[i]->dtype) : MAYBE;
        if (m_check(r, fl == NO ? YES : fl == MAYBE ? MAYBE : NO,
                    VS_ERR_INVALID_ARGUMENT,
                    "The variables must be half, float, or double: %s",
                    shown(vars[i] ? vars[i]->name : NULL)))
            return NULL;
    }
    bool lost = false;
    for (uint32_t i = 0; i < n; i++) {
        const sc_var *v = vars[i];
        bool done = false;
        for (const sc_slot *s = o->opt.slots; s && v && v->name; s = s->next)
            done |= s->primary == v->name;
        if (done)
            continue;
        if (!v || !v->name || o->opt.slots_unknown) {
            lost = true;
            break;
        }
        const sc_tensor *value = initialized_value(r, v);
        const sc_var *avg = value ? create_slot(r, v, o->opt.name, VS_INIT_VALUE,
                                                value)
                                  : NULL;
        if (!avg)
            return NULL;
        sc_slot *rec = sc_alloc(&e->arena, sizeof *rec);
        rec->slot_name = o->opt.name;
        rec->primary = v->name;
        rec->var = avg;
        rec->next = o->opt.slots;
        o->opt.slots = rec;
        m_collect(r, VS_MOVING_AVERAGE_VARIABLES, v);
    }
    if (lost) {
        m_check(r, MAYBE, VS_ERR_MISSING_VARIABLE, "average made before?");
        vars_made_unknown(r);
        m_collect(r, VS_MOVING_AVERAGE_VARIABLES, NULL);
        o->opt.slots_unknown = true;
    }
    graph_put_obj(e, r->g, o);
    const char *ns = m_name_scope(r, o->opt.name, o->opt.name ? NO : MAYBE);
    if (r->failed || (m_op_name(r, ns, sc_istr(e, "decay"), NULL, NULL), r->failed))
        return NULL;
    if (list && list->gaps)
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        ns ? ns : sc_istr(e, ""));
    else
        for (uint32_t i = 0; i < n; i++)
            if ((m_op_name(r, ns, sc_istr(e, "AssignMovingAvg"), NULL, NULL),
                 r->failed))
                return NULL;
    return scope_op(r, ns);
}

/* ---- the global step ---- */

static const av *op_global_step(mrun *r)
{
    sc_engine *e = r->e;
    const sc_vlist *gs = graph_coll(r->g, sc_istr(e, VS_GLOBAL_STEP));
    if (gs && !gs->gaps && gs->len == 1)
        return av_var(e, gs->var, false);
    if (m_check(r, gs && gs->gaps ? MAYBE : gs && gs->len > 1,
                VS_ERR_INVALID_ARGUMENT,
                "Multiple tensors in global_step collection."))
        return NULL;
    /* get_global_step's fallback: the variable "global_step:0" */
    const char *want = sc_istr(e, "global_step:0");
    const sc_var *found = NULL;
    bool maybe = r->g->vars && r->g->vars->gaps;
    for (const sc_vlist *l = r->g->vars; l; l = l->next)
        if (l->var && l->var->name == want)
            found = l->var;
        else if (l->var && !l->var->name)
            maybe = true;
    if (found) {
        int in = found->dtype == SC_DT_TOP ? MAYBE
                 : !(found->dtype == VS_INT32 || found->dtype == VS_INT64 ||
                     found->dtype == VS_INT8 || found->dtype == VS_INT16 ||
                     found->dtype == VS_UINT8);
        if (m_check(r, in, VS_ERR_INVALID_ARGUMENT,
                    "Existing \"global_step\" must be an integer variable. "
                    "Found: <tf.Variable '%s'>", want) ||
            m_check(r, found->shape.rank == SC_TOP_RANK ? MAYBE
                       : found->shape.rank != 0,
                    VS_ERR_INVALID_ARGUMENT,
                    "Existing \"global_step\" is not scalar: <tf.Variable "
                    "'%s'>", want))
            return NULL;
        return av_var(e, found, false);
    }
    if (maybe)
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "global_step exists?");
    /* create_global_step: get_variable in the current scope */
    m_req q = {0};
    q.name = sc_istr(e, "global_step");
    q.shape_given = true;
    q.shape = (sc_shape){0, {0}};
    q.dtype = VS_INT64;
    q.init_kind = VS_INIT_ZEROS;
    q.init_value = av_null();
    q.not_trainable = YES;
    q.collection = sc_istr(e, VS_GLOBAL_STEP);
    return m_get_variable(r, m_current_scope(r), &q, false);
}

/* ---- reads ---- */

static const sc_obj *obj_arg(mrun *r, const av *v)
{
    if (v->kind != AV_OBJ || v->maybe_null)
        return NULL;
    for (uint32_t i = 0; i < r->st->ngraphs; i++) {
        const sc_obj *o = graph_obj(r->st->graphs[i], v->id);
        if (o)
            return o;
    }
    return NULL;
}

/* ema.apply([tensors]) (the library's ema.c apply_tensors): per tensor
 * not averaged yet, create_zeros_slot: get_variable("") of its shape and
 * dtype under default name "<t op name>/<ema name>"; the updates in the
 * EMA's name scope, AssignMovingAvg each.  zero_debias (biased and
 * local_step under the average's name, made unique from the graph's
 * variables) is not followed: such a call may fail and leaves the
 * variables unknown. */
static const av *op_ema_apply_tensors(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    bool failed;
    const sc_obj *stored = ema_arg(r, a[1], &failed);
    if (failed)
        return NULL;
    bool known;
    int64_t n = m_int(a[3], &known);
    int tn = m_null_tri(a[2]);
    if (m_check(r, known && n == 0 ? NO : tn, VS_ERR_INVALID_ARGUMENT,
                "ema apply: tensors is NULL"))
        return NULL;
    const sc_tensor *ts[SC_MAX_CELLS];
    bool lost = !stored || !known || n < 0 || n > SC_MAX_CELLS ||
                !stored->opt.name || stored->opt.zero_debias != NO;
    for (int64_t i = 0; !lost && i < n; i++) {
        const av *t = m_array_elem(r, a[2], i);
        int nt = m_null_tri(t);
        ts[i] = m_tensor(t);
        if (m_check(r, nt, VS_ERR_INVALID_ARGUMENT, "tensors[%d] is NULL",
                    (int)i))
            return NULL;
        int fl = ts[i] ? m_dtype_floating(ts[i]->dtype) : MAYBE;
        if (m_check(r, fl == NO ? YES : fl == MAYBE ? MAYBE : NO,
                    VS_ERR_INVALID_ARGUMENT,
                    "The variables must be half, float, or double: %s",
                    shown(ts[i] ? ts[i]->name : NULL)))
            return NULL;
        lost |= !ts[i] || !ts[i]->name;
    }
    if (lost) {
        /* as an unknown var_list: averages missing or existing, a NULL
         * or non-float tensor */
        vars_made_unknown(r);
        m_check(r, MAYBE, VS_ERR_MISSING_VARIABLE, "ema");
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "ema");
        m_check(r, MAYBE, VS_ERR_DUPLICATE_VARIABLE, "ema");
        m_check(r, MAYBE, VS_ERR_UNDEFINED_SHAPE, "ema");
        if (stored) {
            sc_obj *o = copy_obj(r, stored);
            o->opt.slots_unknown = true;
            graph_put_obj(e, r->g, o);
        }
        /* the averages' default-name scopes and the EMA's name scope
         * are made in the current name scope */
        r->g->names_unknown = plist_add(e, r->g->names_unknown,
                                        r->g->ns ? r->g->ns : sc_istr(e, ""));
        return av_obj(e, AV_OBJ, 0, false);
    }
    sc_obj *o = copy_obj(r, stored);
    for (int64_t i = 0; i < n; i++) {
        const sc_tensor *t = ts[i];
        bool done = false;
        for (const sc_slot *s = o->opt.slots; s; s = s->next)
            done |= s->primary == t->name;
        if (done)
            continue;
        if (o->opt.slots_unknown) {
            m_check(r, MAYBE, VS_ERR_MISSING_VARIABLE, "average made before?");
            vars_made_unknown(r);
            break;
        }
        const char *colon = strrchr(t->name, ':');
        const char *prefix = sc_istrn(e, t->name, colon ? (size_t)(colon - t->name)
                                                        : strlen(t->name));
        m_enter_req q = m_enter_default(m_cat(e, prefix, "/", o->opt.name),
                                        VS_REUSE_INHERIT);
        const sc_scope *s = m_enter(r, &q);
        if (!s)
            return NULL;
        m_req gv = {0};
        gv.name = sc_istr(e, "");
        gv.shape_given = true;
        gv.shape = t->shape;
        gv.shape_unknown = t->shape.rank == SC_TOP_RANK;
        gv.dtype = t->dtype;
        gv.init_kind = VS_INIT_ZEROS;
        gv.init_value = av_null();
        gv.not_trainable = YES;
        const av *v = m_get_variable(r, s, &gv, false);
        if (!v || r->failed || !m_exit(r))
            return NULL;
        sc_slot *rec = sc_alloc(&e->arena, sizeof *rec);
        rec->slot_name = o->opt.name;
        rec->primary = t->name;
        rec->var = v->kind == AV_VAR ? v->v : NULL;
        rec->next = o->opt.slots;
        o->opt.slots = rec;
    }
    graph_put_obj(e, r->g, o);
    const char *ns = m_name_scope(r, o->opt.name, NO);
    if (r->failed || (m_op_name(r, ns, sc_istr(e, "decay"), NULL, NULL), r->failed))
        return NULL;
    for (int64_t i = 0; i < n; i++)
        if ((m_op_name(r, ns, sc_istr(e, "AssignMovingAvg"), NULL, NULL),
             r->failed))
            return NULL;
    return scope_op(r, ns);
}

static const av *op_get_slot(mrun *r, const av **a, bool ema)
{
    sc_engine *e = r->e;
    const sc_obj *o = obj_arg(r, a[0]);
    const sc_var *v = m_var_arg(a[1]);
    int sn = 0;
    const char *name = ema ? NULL : m_str(r, a[2], &sn);
    if (m_null_tri(a[0]) == YES || m_null_tri(a[1]) == YES || (!ema && sn == YES))
        return av_null();
    if (!o || !v || !v->name || (!ema && !name))
        return av_top();
    for (const sc_slot *s = o->opt.slots; s; s = s->next)
        if (s->primary == v->name && (ema || strcmp(s->slot_name, name) == 0))
            return av_var(e, s->var, false);
    return o->opt.slots_unknown ? av_top() : av_null();
}

/* ema.average(t) for a tensor */
static const av *op_average_tensor(mrun *r, const av **a)
{
    const sc_obj *o = obj_arg(r, a[0]);
    const sc_tensor *t = m_tensor(a[1]);
    if (m_null_tri(a[0]) == YES || m_null_tri(a[1]) == YES)
        return av_null();
    if (!o || !t || !t->name)
        return av_top();
    for (const sc_slot *s = o->opt.slots; s; s = s->next)
        if (s->primary == t->name)
            return av_var(r->e, s->var, false);
    return o->opt.slots_unknown ? av_top() : av_null();
}

/* ---- the session: its calls change nothing the engine tracks, and
 * their run-time failures (a placeholder not fed, a variable not
 * initialized) the engine does not decide: they may fail, on one path */

static const av *session_call(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    vs_fn_id fn = vs__fn_id(r->fn);
    r->no_taint = true;
    if (fn == VS_FN_vs_session_new) {
        if (!m_use_graph(r, a[0]))
            return r->failed ? NULL : av_obj(e, AV_OBJ, 0, true);
        sc_obj *o = new_obj(r, SC_OBJ_SESSION);
        graph_put_obj(e, r->g, o);
        r->no_taint = false;
        return av_obj(e, AV_OBJ, o->id, false);
    }
    if (fn == VS_FN_vs_global_variables_initializer) {
        if (!m_use_graph(r, a[0]))
            return r->failed ? NULL : av_obj(e, AV_OBJ, 0, true);
        r->no_taint = false;
        const char *name = m_op_name(r, r->g->ns, sc_istr(e, "init"), NULL, NULL);
        if (r->failed)
            return NULL;
        sc_obj *o = new_obj(r, SC_OBJ_OP);
        o->op.name = name;
        o->op.init = true;
        o->op.vars = r->g->vars;
        graph_put_obj(e, r->g, o);
        return av_obj(e, AV_OBJ, o->id, false);
    }
    /* run_op, run: the session and the op or fetch must be given */
    int sn = m_null_tri(a[0]), xn = m_null_tri(a[1]);
    m_why_null(r, sn == YES ? a[0] : a[1]);
    if (m_check(r, sn, VS_ERR_INVALID_ARGUMENT, VS_MSG_GRAPH_NULL) ||
        m_check(r, xn, VS_ERR_INVALID_ARGUMENT, "session run: %s is NULL",
                fn == VS_FN_vs_session_run ? "fetch" : "op"))
        return NULL;
    if (fn == VS_FN_vs_session_run_op) {
        const sc_obj *op = obj_arg(r, a[1]);
        if (m_check(r, !op || op->kind != SC_OBJ_OP ? MAYBE : !op->op.init,
                    VS_ERR_INVALID_ARGUMENT,
                    "session run: running '%s' is not supported: the session "
                    "computes forward float32 graphs and initializers",
                    shown(op ? op->op.name : NULL)))
            return NULL;
    }
    m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "session run");
    return fn == VS_FN_vs_session_run ? av_box(e, av_top()) : a[1];
}

const av *m_train_op(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    vs_fn_id fn = vs__fn_id(r->fn);
    switch (fn) {
    case VS_FN_vs_optimizer_get_slot:
        return op_get_slot(r, a, false);
    case VS_FN_vs_ema_average:
        return op_get_slot(r, a, true);
    case VS_FN_vs_ema_average_tensor:
        return op_average_tensor(r, a);
    case VS_FN_vs_optimizer_name: {
        const sc_obj *o = obj_arg(r, a[0]);
        return o && o->opt.name ? av_str(e, o->opt.name) : av_top();
    }
    case VS_FN_vs_session_new: case VS_FN_vs_global_variables_initializer:
    case VS_FN_vs_session_run_op: case VS_FN_vs_session_run:
        return session_call(r, a);
    default:
        break;
    }
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL
               : fn == VS_FN_vs_get_or_create_global_step ? av_var(e, NULL, true)
                                                          : av_obj(e, AV_OBJ, 0, true);
    switch (fn) {
    case VS_FN_vs_gradient_descent_optimizer:
        return make_optimizer(r, OPT_GD, m_options_arg(r, a));
    case VS_FN_vs_momentum_optimizer:
        return make_optimizer(r, OPT_MOMENTUM, m_options_arg(r, a));
    case VS_FN_vs_adam_optimizer:
        return make_optimizer(r, OPT_ADAM, m_options_arg(r, a));
    case VS_FN_vs_rmsprop_optimizer:
        return make_optimizer(r, OPT_RMSPROP, m_options_arg(r, a));
    case VS_FN_vs_adagrad_optimizer:
        return make_optimizer(r, OPT_ADAGRAD, m_options_arg(r, a));
    case VS_FN_vs_minimize:
        return op_minimize(r, a);
    case VS_FN_vs_exponential_moving_average:
        return make_ema(r, m_options_arg(r, a));
    case VS_FN_vs_ema_apply:
        return op_ema_apply(r, a);
    case VS_FN_vs_ema_apply_tensors:
        return op_ema_apply_tensors(r, a);
    case VS_FN_vs_get_or_create_global_step:
        return op_global_step(r);
    default:
        return av_top();
    }
}
