/* tf.make_template over abstract state (the library's template.c;
 * tf-semantics.md §8).  A template call is the library's work before the
 * builder (enter the template's scope: by string or default name the
 * first time, by object with reuse after), the builder (the program's own
 * function, which the interpreter runs: model.h), and the work after it
 * (what the builder left open, whether one of its calls failed, what it
 * returned, whether a later call made a trainable variable; exit).  A
 * failing template call leaves the graph as it was before it, whatever
 * the builder did: the path goes on with the graph of before. */
#include <stdio.h>
#include <string.h>

#include "model_int.h"
#include "varscope.h"

struct sc_tcall {
    uint32_t graph;
    const sc_graph *before;       /* the graph before the call */
    uint32_t tmpl;
    int later;                    /* variables_created at the start (flag) */
    const sc_vlist *trainable;    /* TRAINABLE_VARIABLES at the start */
    int depth, floor;
    int64_t reported;
    const char *name;
};

static const sc_template *tmpl_of(const sc_graph *g, uint32_t id)
{
    const sc_obj *o = graph_obj(g, id);
    return o && o->kind == SC_OBJ_TEMPLATE ? &o->tmpl : NULL;
}

static void put_tmpl(mrun *r, uint32_t id, const sc_template *t)
{
    sc_obj *o = sc_alloc(&r->e->arena, sizeof *o);
    o->id = id;
    o->kind = SC_OBJ_TEMPLATE;
    o->tmpl = *t;
    graph_put_obj(r->e, r->g, o);
}

/* nothing the builder or the call did is known: the graph forgets */
static void forget(mrun *r)
{
    sc_engine *e = r->e;
    r->g->store_unknown = plist_add(e, r->g->store_unknown, sc_istr(e, ""));
    r->g->names_unknown = plist_add(e, r->g->names_unknown, sc_istr(e, ""));
    r->g->counts_unknown = true;
    r->g->vars = vlist_push(e, r->g->vars, NULL);
    m_collect(r, VS_TRAINABLE_VARIABLES, NULL);
}

static const av *op_make_template(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL : av_obj(e, AV_OBJ, 0, true);
    const av *opts = m_options_arg(r, a);
    int nn, un;
    const char *name = m_str(r, a[1], &nn);
    const char *uname = m_str(r, m_field(r, opts, "unique_name"), &un);
    int fn_null = m_null_tri(a[2]);
    if (m_check(r, nn, VS_ERR_INVALID_ARGUMENT, "name cannot be None.") ||
        m_check(r, (name && !name[0]) || (un == NO && uname && !uname[0]),
                VS_ERR_INVALID_NAME, VS_MSG_EMPTY_SCOPE_NAME) ||
        m_check(r, fn_null, VS_ERR_INVALID_ARGUMENT,
                "make_template: func_ is NULL"))
        return NULL;
    sc_template t = {0};
    t.name = name;
    t.unique_name = un == YES ? NULL : uname;
    t.fn = a[2];
    t.user = a[3];
    t.scope_known = un != MAYBE && (un == YES || uname);
    t.first_call = YES;
    t.variables_created = NO;
    if (m_flag(m_field(r, opts, "create_scope_now")) != NO) {
        int now = m_flag(m_field(r, opts, "create_scope_now"));
        /* _pure_variable_scope(unique name or unique default): a scope
         * with no name scope of its own, entered and left at once */
        const sc_scope *cur = m_current_scope(r);
        const char *u = t.unique_name ? t.unique_name
                        : un == YES ? m_unique_default(r, cur, t.name) : NULL;
        const char *full = m_join_scope(e, cur ? cur->name : NULL, u);
        if (full) {
            r->g->counts = counts_add(e, r->g->counts, full, 1);
            r->g->counts = counts_close_subscopes(e, r->g->counts, full);
        } else {
            r->g->counts_unknown = true;
        }
        sc_scope *s = m_new_scope(r, full, u, cur ? cur->reuse : -1,
                                  cur ? cur->dtype : SC_DT_TOP,
                                  cur ? cur->init_kind : -1, NULL);
        if (cur) {
            s->init_value = cur->init_value;
            s->dtype = cur->dtype;
        }
        graph_put_scope(e, r->g, s);
        if (now == MAYBE) {
            t.scope_known = false;
            m_check(r, MAYBE, VS_ERR_INVALID_NAME, "scope now?");
        } else {
            t.scope = s->id;
        }
    }
    uint32_t id = m_new_obj_id(r);
    put_tmpl(r, id, &t);
    return av_obj(e, AV_OBJ, id, false);
}

const av *m_template_op(mrun *r, const av **a)
{
    switch (vs__fn_id(r->fn)) {
    case VS_FN_vs_make_template:
        return op_make_template(r, a);
    case VS_FN_vs_template_scope: {
        if (a[0]->kind != AV_OBJ || a[0]->maybe_null)
            return av_top();
        for (uint32_t i = 0; i < r->st->ngraphs; i++) {
            const sc_template *t = tmpl_of(r->st->graphs[i], a[0]->id);
            if (t)
                return !t->scope_known ? av_top()
                       : t->scope ? av_obj(r->e, AV_SCOPE, t->scope, false)
                                  : av_null();
        }
        return av_top();
    }
    default:
        /* vs_template_call goes through model_template_call */
        return av_top();
    }
}

/* ---- the call ---- */

static void push(sc_svs *out, sc_state *st, const av *v)
{
    sc_sv sv = {.st = st, .v = v};
    SC_PUSH(*out, sv);
}

/* The call may fail (r->maybe) and the path where it did has been pushed:
   the path where it did not is tainted too (the engine could not tell the
   two apart) and --strict warns that the call may fail, at its site. The
   same at the builder's start and at its return. */
static void taint_and_warn_maybe(sc_engine *e, mrun *r, sc_state *st,
                                 const sc_site *site)
{
    st->tainted = true;
    if (e->strict) {
        sc_event ev = r->ev;
        ev.kind = SC_EV_MAYBE_ERROR;
        ev.code = r->maybe_code;
        r->where.at = *site;
        sc_emit(e, &ev, &r->where);
    }
}

void model_template_call(sc_engine *e, sc_state *st, const av **args,
                         uint32_t nargs, const sc_site *site, sc_svs *out,
                         sc_builder_runs *runs)
{
    mrun rr, *r = &rr;
    m_begin(r, e, VS_FN_vs_template_call, st, site);
    if (nargs < 3) {
        push(out, st, av_top());
        return;
    }
    if (!m_use_graph(r, args[0])) {
        m_finish(r, r->failed ? NULL : av_tensor(e, NULL, true), out);
        return;
    }
    const sc_graph *before = state_graph(st, r->g->id);
    /* kept until the builder returns: the calls it makes on st must not
     * change its nodes in place (model_call) */
    st->edit = sc_new_edit_for(e, st);
    int tn = m_null_tri(args[1]);
    const sc_template *stored = args[1]->kind == AV_OBJ
                                    ? tmpl_of(r->g, args[1]->id)
                                    : NULL;
    if (m_check(r, tn == YES ? YES : !stored ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT, "template call: %s",
                tn == YES ? "the template is NULL"
                          : "the template belongs to another graph") ||
        !stored) {
        if (!r->failed)
            forget(r);
        m_finish(r, r->failed ? NULL : av_tensor(e, NULL, false), out);
        return;
    }
    sc_template t = *stored;
    const sc_scope *s;
    if (!t.scope_known) {
        m_check(r, MAYBE, VS_ERR_INVALID_NAME, "template scope");
        s = m_reenter(r, NULL, -1, VS_DTYPE_DEFAULT, VS_INIT_NONE, NULL, NO);
    } else if (t.scope) {
        /* only reuse variables if not on the first call */
        int fc = t.first_call;
        s = m_reenter(r, graph_scope(r->g, t.scope),
                      fc == YES ? VS_REUSE_INHERIT : fc == NO ? VS_REUSE : -1,
                      VS_DTYPE_DEFAULT, VS_INIT_NONE, NULL, NO);
    } else {
        m_enter_req q = m_enter_default(t.name, VS_REUSE_INHERIT);
        if (t.unique_name)
            q.name = t.unique_name, q.name_null = NO;
        s = m_enter(r, &q);
        if (s)
            t.scope = s->id;
    }
    if (!s) {
        m_finish(r, NULL, out);
        return;
    }
    int later = t.variables_created;
    if (later == NO)
        t.first_call = NO;
    else if (later == SC_UNK)
        t.first_call = SC_UNK;
    uint32_t id = args[1]->id;
    put_tmpl(r, id, &t);
    sc_tcall *call = sc_alloc(&e->arena, sizeof *call);
    call->graph = r->g->id;
    call->before = before;
    call->tmpl = id;
    call->later = later;
    call->trainable = graph_coll(r->g, sc_istr(e, VS_TRAINABLE_VARIABLES));
    call->depth = r->g->depth;
    call->floor = r->g->floor;
    call->reported = r->g->reported;
    call->name = t.name;
    r->g->floor = r->g->depth;    /* the builder may not exit our scope */
    r->g->tdepth++;
    r->g->reported = 0;           /* failures inside the builder */
    if (r->maybe) {
        /* the path where the call failed before the builder ran */
        sc_state *failed = state_clone(e, st);
        failed->tainted = true;
        push(out, failed, av_null_from(e, site));
        taint_and_warn_maybe(e, r, st, site);
    }
    state_set_graph(e, st, r->g);
    sc_builder_run run = {st, t.fn, {args[0], args[2], t.user ? t.user : av_top()},
                          call};
    SC_PUSH(*runs, run);
}

/* the graph as it was before the call; a builder's failure counted */
static void restore(sc_engine *e, sc_state *st, const sc_tcall *call,
                    bool counted)
{
    sc_graph *g = graph_copy(e, call->before);
    if (counted && g->tdepth > 0 && g->reported != SC_COUNT_TOP)
        g->reported++;
    state_set_graph(e, st, g);
}

/* the trainable variables made since the start: YES, NO, MAYBE */
static int made_trainable(const sc_vlist *now, const sc_vlist *start)
{
    if (now == start)
        return NO;
    int tri = MAYBE;
    for (const sc_vlist *l = now; l && l != start; l = l->next)
        if (l->var)
            tri = YES;
    /* start is a tail of now, or the lists were joined: then unknown */
    const sc_vlist *l = now;
    while (l && l != start)
        l = l->next;
    return l == start ? tri : MAYBE;
}

void model_template_return(sc_engine *e, sc_state *st, const sc_tcall *call,
                           const av *ret, const sc_site *site, sc_svs *out)
{
    mrun rr, *r = &rr;
    m_begin(r, e, VS_FN_vs_template_call, st, site);
    const sc_graph *cur = state_graph(st, call->graph);
    if (!cur) {
        push(out, st, av_top());
        return;
    }
    r->g = graph_copy(e, cur);
    r->g->floor = call->floor;
    r->g->tdepth--;
    int64_t inner = r->g->reported;
    r->g->reported = call->reported;
    const char *name = shown(call->name);
    /* the builder left scopes open: scope-leak */
    bool stack_known = true;
    for (const sc_entry *en = r->g->stack; en; en = en->below)
        stack_known &= en->kind != SC_ENTRY_UNKNOWN;
    int leak = !stack_known ? MAYBE : r->g->depth != call->depth;
    /* the library checks first that the builder left no scope open
     * (template.c), which fails the call even when one of the builder's
     * calls failed before */
    if (leak == YES) {
        /* the outermost scope it left open: where it was entered */
        const sc_entry *en = r->g->stack;
        for (int k = r->g->depth - call->depth; en && k > 1; k--)
            en = en->below;
        if (en) {
            r->where.other = en->site;
            r->ev.scope_kind = en->kind == SC_ENTRY_NAME_SCOPE
                                   ? SC_SCOPE_NAME : SC_SCOPE_VARIABLE;
            const sc_scope *s = graph_scope(r->g, en->scope);
            r->ev.scope_name = en->kind == SC_ENTRY_NAME_SCOPE ? en->ns
                               : s ? s->name : NULL;
        }
    }
    if (m_check(r, leak, VS_ERR_SCOPE_LEAK,
                "template %s: the builder left %d scope(s) open", name,
                r->g->depth - call->depth))
        goto done;
    /* one of its calls failed: TF's exception ends the template call,
     * which reports nothing more */
    int aborted = inner == SC_COUNT_TOP ? MAYBE : inner > 0;
    if (aborted == YES) {
        if (r->maybe)             /* a scope left open, or not */
            taint_and_warn_maybe(e, r, st, site);
        restore(e, st, call, true);
        push(out, st, av_null_from(e, site));
        return;
    }
    if (aborted == MAYBE) {
        sc_state *failed = state_clone(e, st);
        failed->tainted = true;
        restore(e, failed, call, true);
        push(out, failed, av_null_from(e, site));
        st->tainted = true;
    }
    int rn = m_null_tri(ret);
    m_why_null(r, ret);
    if (m_check(r, rn, VS_ERR_INVALID_ARGUMENT,
                "template %s: the builder returned NULL", name))
        goto done;
    const sc_vlist *now = graph_coll(r->g, sc_istr(e, VS_TRAINABLE_VARIABLES));
    int made = call->later == NO ? NO : made_trainable(now, call->trainable);
    if (call->later == SC_UNK && made == YES)
        made = MAYBE;
    if (m_check(r, made, VS_ERR_DUPLICATE_VARIABLE,
                "Trainable variable created when calling a template after the "
                "first time, perhaps you used tf.Variable when you meant "
                "tf.get_variable: [...]"))
        goto done;
    if (call->later != YES) {
        const sc_template *t = tmpl_of(r->g, call->tmpl);
        if (t) {
            sc_template c = *t;
            c.variables_created = call->later == NO ? YES : SC_UNK;
            put_tmpl(r, call->tmpl, &c);
        }
    }
    m_exit(r);
done:
    if (r->failed) {
        /* everything the builder did is undone */
        r->g = NULL;
        restore(e, st, call, true);
        m_finish(r, NULL, out);
        return;
    }
    if (r->maybe) {
        /* the path where it failed: the graph of before */
        sc_state *failed = state_clone(e, st);
        failed->tainted = true;
        restore(e, failed, call, true);
        push(out, failed, av_null_from(e, site));
        taint_and_warn_maybe(e, r, st, site);
        r->maybe = false;
    }
    m_finish(r, ret, out);
}
