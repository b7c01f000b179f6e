/* The abstract interpreter: runs the IR of the program's functions over
 * sets of abstract states.
 *
 * - An expression is evaluated on one state and may split it (a call that
 *   may fail, a ?: or && whose condition is unknown), giving (state, value)
 *   pairs.
 * - A statement maps a set of states to a set of states.  After each
 *   statement, states with the same open-scope depths are joined, so the
 *   set stays small and the cost linear; states with different depths are
 *   kept apart (up to MAX_STATES), because an early return or break that
 *   leaves a scope open is exactly what must not be blurred.
 * - Loops run with known conditions as C runs them (unrolled, up to a
 *   cap); when the condition is unknown, the first UNKNOWN_TURNS turns are
 *   run, each joined with the paths that leave before it.
 * - Calls to the program's own functions are followed with the caller's
 *   state (context-sensitive, with a recursion cap); calls to the library
 *   go to the model; other calls return unknown values. */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "libc.h"
#include "widen.h"

#define MAX_STATES 16
/* A loop whose trip count is unknown runs its first turns as C runs them
 * (on each, the paths that may leave, leave), then its state stands for
 * every later turn.  Four turns see names that cycle with i % 2 and
 * i % 3 come round again. */
#define UNKNOWN_TURNS 4
/* Calls are followed this deep by default (recursion included). */
#define SC_CALL_DEPTH 32

typedef struct jumps {
    sc_states *brk, *cont;       /* innermost loop or switch */
} jumps;

/* A function being run: its activation (what the facts see of it), the
 * calls and loop turns that led here, where its paths jump and return. */
typedef struct fctx {
    sc_frame fr;                 /* unit, fn, frame, call, caller */
    sc_interp *in;
    sc_engine *e;
    const sc_chain *chain;
    const sc_iter *iter;
    jumps j;
    sc_states returns;
    SC_VEC(const av *) retvals;
    SC_VEC(ir_loc) retlocs;
    sc_states *labels;           /* per label: states that jumped there */
    uint32_t *label_offset;      /* per label: where it is in the source */
    int depth;
} fctx;

static void exec(fctx *f, const ir_stmt *s, sc_states *io);
static void eval(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out);
static int decide(fctx *f, const ir_expr *cond, sc_state *st, const av *v,
                  sc_state **yes, sc_state **no);
static int decide_doubt(fctx *f, const ir_expr *cond, sc_state *st,
                        const av *v, sc_state **yes, sc_state **no);

/* ---- small helpers ---- */

static void push_sv(sc_svs *v, sc_state *st, const av *val)
{
    sc_sv sv = {.st = st, .v = val};
    SC_PUSH(*v, sv);
}

static sc_site site_of(fctx *f, ir_loc loc)
{
    sc_site s = {loc, f->fr.unit, f->chain, f->iter};
    return s;
}

/* Past its budget of steps or memory, the engine stops following calls
 * and unrolling loops (it treats them as unknown: no finding from them),
 * so a program it cannot afford to follow costs a bounded amount. */
static bool over_budget(const sc_interp *in)
{
    return in->steps > in->max_steps || in->e->arena.total > in->max_memory;
}

/* Over budget at `loc`: says so once per entry point, where it ran out
 * (every later call and loop is not followed either, for the same
 * reason). */
static bool stop_for_budget(fctx *f, ir_loc loc)
{
    if (!over_budget(f->in))
        return false;
    /* (not while muted: a quiet turn's events are dropped, and the note
     * must reach the user, from the next stop outside it) */
    if (!f->in->budget_said && !f->e->muted) {
        sc_site at = {loc, f->fr.unit, f->chain, f->iter};
        sc_unchecked(f->e, &at, SC_STOP_BUDGET, NULL);
        f->in->budget_said = true;
    } else if (!f->in->budget_said && !f->in->budget_muted) {
        f->in->budget_muted = true;
        f->in->budget_loc = loc;
        f->in->budget_unit = f->fr.unit;
    }
    return true;
}

/* Over budget at statement s: the entry point's run stops there, its
 * paths dropped, so that neither its memory nor its time grows any more
 * (following fewer calls on more blurred paths costs more, not less:
 * every join then meets graphs that differ everywhere).  Nothing after
 * that point is checked, and the unchecked note says so, once per entry
 * point. */
static void stop_run_for_budget(fctx *f, const ir_stmt *s, sc_states *io)
{
    stop_for_budget(f, s->loc);
    io->len = 0;
}

/* Paths kept apart per program point at call depth d: 16 in the entry
 * point, 4 in what it calls, 2 below.  An entry point longer than
 * FULL_PATHS_STMTS statements keeps fewer, down to 2: its paths times
 * its statements stay below MAX_STATES * FULL_PATHS_STMTS until then, so
 * the time and memory of one huge function (a generated model, tens of
 * thousands of calls) grow with its length, not with 16 times it.  The
 * paths past the cap are joined as always (sound: what differs between
 * them becomes unknown, and what fails on the join only "could fail"). */
#define FULL_PATHS_STMTS 4096
#define MIN_ENTRY_STATES 2

static size_t cap_at(int d, const sc_fn *fn)
{
    if (d == 1)
        return 4;
    if (d > 1)
        return 2;
    if (fn->nstmts <= FULL_PATHS_STMTS)
        return MAX_STATES;
    size_t cap = (size_t)MAX_STATES * FULL_PATHS_STMTS / fn->nstmts;
    return cap < MIN_ENTRY_STATES ? MIN_ENTRY_STATES : cap;
}

/* Joins the states (and their values, if vals) that `same` puts in one
 * class, while more than `want` are left; returns how many are left. */
static size_t merge_by(sc_engine *e, sc_state **sts, const av **vals, size_t len,
                       bool (*same)(const sc_state *, const sc_state *),
                       size_t want)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        size_t j = 0;
        /* join only while there are more than `want` left: every join
         * loses what the two paths knew apart */
        while (j < n && !same(sts[j], sts[i]))
            j++;
        if (j < n && n + (len - i) > want) {
            state_join_into(e, sts[j], sts[i]);
            if (vals)
                vals[j] = av_join(e, vals[j], vals[i]);
        } else {
            sts[n] = sts[i];
            if (vals)
                vals[n] = vals[i];
            n++;
        }
    }
    return n;
}

/* The states at one program point.  Only the same state reached twice
 * is joined at first: paths are kept apart, so that what one arm did
 * stays tied to the arm's other effects (`if (c) reuse; else create;`
 * then a get_variable fails on both paths, for different reasons) and to
 * what it learned (`env != NULL` before `switch (env ? atoi(env) : 0)`).
 * Past MAX_STATES, paths whose graphs are the same objects are joined
 * (they differ in variables only), then paths with the same open-scope
 * depths, then the last ones are blurred: the cost per point stays
 * bounded.  A callee runs once per path that calls it, so paths kept
 * apart at every depth would multiply down a chain of helpers: the cap
 * is MAX_STATES in the entry point and shrinks in callees (cap_at). */
static void merge_states(sc_interp *in, sc_state **sts, const av **vals,
                         size_t *len)
{
    sc_engine *e = in->e;
    if (*len <= 1)
        return;
    size_t cap = in->max_states ? in->max_states : MAX_STATES;
    *len = merge_by(e, sts, vals, *len, state_same_path, 0);
    if (*len > cap)
        *len = merge_by(e, sts, vals, *len, state_same_graphs, cap);
    if (*len > cap)
        *len = merge_by(e, sts, vals, *len, state_same_depths, cap);
    while (*len > cap) {
        /* too many shapes: blur two (open scopes unknown), the last two
         * doubtful ones if there are two, else the last two sure ones: a
         * sure path joined with a doubtful one would be doubtful, and
         * what fails on it only a warning (of three or more paths, two
         * are alike) */
        size_t i = *len, j = *len;
        for (int want = 1; want >= 0 && i == *len; want--) {
            j = *len;
            for (size_t k = *len; k-- > 0;) {
                if (sts[k]->tainted != (want == 1))
                    continue;
                if (j == *len) {
                    j = k;
                } else {
                    i = k;
                    break;
                }
            }
        }
        assert(i < j && j < *len);
        state_join_into(e, sts[i], sts[j]);
        if (vals)
            vals[i] = av_join(e, vals[i], vals[j]);
        for (size_t k = j; k + 1 < *len; k++) {
            sts[k] = sts[k + 1];
            if (vals)
                vals[k] = vals[k + 1];
        }
        (*len)--;
    }
    assert(*len >= 1 && *len <= cap);
}

static void normalize(sc_interp *in, sc_states *v)
{
    merge_states(in, v->items, NULL, &v->len);
}

static void append_states(sc_states *to, sc_states *from)
{
    for (size_t i = 0; i < from->len; i++)
        SC_PUSH(*to, from->items[i]);
    from->len = 0;
}

static uint32_t global_slot(const fctx *f, uint32_t sym)
{
    return frame_global_slot(&f->fr, sym);
}

/* ---- places (lvalues) ---- */

/* The one value of x on st (a subexpression of a place: `a[i]`'s a and
 * i), or unknown when it would split the path. */
static const av *eval1(fctx *f, const ir_expr *x, sc_state *st)
{
    sc_svs v = {0};
    eval(f, x, st, &v);
    const av *r = v.len == 1 && v.items[0].st == st ? v.items[0].v : av_top();
    SC_VEC_FREE(v);
    return r;
}

/* &x: a pointer to the place x names (mem.h), or unknown. */
static const av *addr_of(fctx *f, const ir_expr *x, sc_state *st)
{
    switch (x->kind) {
    case IR_SYM:
        return av_ref(f->e, x->symscope == IR_LOCAL ? f->fr.frame : 0,
                      x->symscope == IR_LOCAL ? x->sym : global_slot(f, x->sym));
    case IR_MEMBER: {
        const av *base = x->op == 1 ? eval1(f, x->kids[0], st)
                                    : addr_of(f, x->kids[0], st);
        return mem_member(f->e, base, sc_istr(f->e, x->str));
    }
    case IR_INDEX: {
        const av *base = eval1(f, x->kids[0], st);
        const av *idx = eval1(f, x->kids[1], st);
        return base->kind == AV_REF ? mem_add(f->e, base, idx) : av_top();
    }
    case IR_DEREF:
        return eval1(f, x->kids[0], st);
    case IR_CAST:
        return addr_of(f, x->kids[0], st);
    default:
        return av_top();
    }
}

/* Whether the place x names is a char of a char array (a store to it
 * changes the array's text). */
static bool char_place(const ir_expr *x)
{
    while (x->kind == IR_CAST)
        x = x->kids[0];
    if (x->kind != IR_INDEX && x->kind != IR_DEREF)
        return false;
    const ir_type *t = &x->kids[0]->type;
    return (t->kind == IR_T_ARRAY || t->kind == IR_T_PTR) && t->name &&
           strcmp(t->name, "char") == 0 && x->type.kind == IR_T_INT;
}

/* A store through a pointer nobody knows may have changed any text the
 * engine holds (names are made of text): every known text of every
 * frame, a variable's whole value, becomes unknown. */
typedef struct text_slots { uint32_t *slots; size_t len, cap; } text_slots;

static void collect_text(const void *key, const void *val, void *ctx)
{
    text_slots *t = ctx;
    if (((const av *)val)->kind != AV_STR)
        return;
    if (t->len == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 16;
        t->slots = sc_xrealloc(t->slots, t->cap * sizeof *t->slots);
    }
    t->slots[t->len++] = (uint32_t)((uintptr_t)key - 1);
}

static void forget_texts(fctx *f, sc_state *st)
{
    for (uint32_t fr = 0; fr < st->nframes; fr++) {
        text_slots t = {0};
        pm_each(st->frames[fr].vars, collect_text, &t);
        for (size_t i = 0; i < t.len; i++)
            state_set(f->e, st, fr, t.slots[i], av_top());
        free(t.slots);
    }
}

/* C's binary operators, pointer arithmetic included */
static const av *binop(sc_engine *e, int op, const av *a, const av *b)
{
    const av *r = mem_binop(e, op, a, b);
    return r ? r : av_binop(e, op, a, b);
}

/* ---- calls ---- */

/* What the C library keeps for the program, in frame 0 from this slot on
 * (past the globals and the heap, mem.h): the atexit handlers, the signal
 * handlers, and each graph's error handler and its user pointer. */
#define SLOT_HOOKS 0x70000000u
#define SLOT_ATEXIT SLOT_HOOKS
#define SLOT_SIGNAL(sig) (SLOT_HOOKS + 0x100u + (uint32_t)(sig))
#define SLOT_ERROR_FN(graph) (SLOT_HOOKS + 0x1000u + 2u * (graph))
#define SLOT_ERROR_USER(graph) (SLOT_ERROR_FN(graph) + 1u)
/* a graph's open-scope depth at the path's last setjmp */
#define SLOT_JMP_DEPTH(graph) (SLOT_HOOKS + 0x800000u + (graph))
/* what vs_last_error returns for a graph: VS_OK when it is made, the
 * code of each failure the path meets after (a success keeps it, as
 * graph.c's vs__report is the only writer), unknown once the graph is
 * changed where the engine does not look */
#define SLOT_LAST_ERROR(graph) (SLOT_HOOKS + 0x900000u + (graph))
/* A call through a pointer nobody knows runs each function whose address
 * the program takes (and that takes as many arguments), up to this many;
 * past them, it changes everything it could reach. */
#define MAX_UNKNOWN_TARGETS 8

static const char *const noreturn_fns[] = {"exit", "abort", "_Exit",
                                           "quick_exit", "__assert_fail",
                                           "longjmp", "siglongjmp",
                                           "pthread_exit", NULL};

static bool in_list(const char *const *list, const char *name)
{
    for (; *list; list++)
        if (strcmp(*list, name) == 0)
            return true;
    return false;
}

/* longjmp skips the exits of the scopes entered since the setjmp it
 * lands at: they stay open on the path that returns from setjmp again,
 * which the engine follows with the open scopes forgotten (call_setjmp).
 * Each is a scope-leak that "could fail" (the landing code may still
 * close it), said here, where the scopes are known. */
static void jump_leaves_open(fctx *f, const ir_expr *x, const sc_state *st)
{
    sc_engine *e = f->e;
    if (!e->strict || e->muted)
        return;
    for (uint32_t g = 0; g < st->ngraphs; g++) {
        const sc_graph *gr = st->graphs[g];
        const av *d0 = state_get(st, 0, SLOT_JMP_DEPTH(gr->id));
        if (gr->freed || !d0 || d0->kind != AV_INT)
            continue;
        const sc_entry *en = gr->stack;
        for (int64_t k = gr->depth; k > d0->i && en &&
                                    en->kind != SC_ENTRY_UNKNOWN;
             k--, en = en->below) {
            sc_event ev = {0};
            ev.kind = SC_EV_MAYBE_ERROR;
            ev.code = VS_ERR_SCOPE_LEAK;
            sc_event_sites where = {.at = en->site, .other = site_of(f, x->loc)};
            sc_emit(e, &ev, &where);
        }
    }
}

/* A graph that code the engine does not follow was handed: nothing known
 * of its open scopes, names or variables stays known. */
static void havoc_graph(sc_engine *e, sc_state *st, uint32_t id)
{
    const sc_graph *g = state_graph(st, id);
    if (!g || g->freed)
        return;
    if (state_get(st, 0, SLOT_LAST_ERROR(id)) != av_top())
        state_set(e, st, 0, SLOT_LAST_ERROR(id), av_top());
    sc_graph *c = graph_copy(e, g);
    graph_forget_stack(e, c);
    c->names_unknown = plist_add(e, c->names_unknown, sc_istr(e, ""));
    c->store_unknown = plist_add(e, c->store_unknown, sc_istr(e, ""));
    c->counts_unknown = true;
    graph_forget_vars(e, c);
    state_set_graph(e, st, c);
}

typedef struct havoc_graphs {
    sc_engine *e;
    sc_state *st;
} havoc_graphs;

static void havoc_graph_cb(void *ctx, uint32_t id)
{
    havoc_graphs *h = ctx;
    havoc_graph(h->e, h->st, id);
}

/* An external function we cannot see: what it could reach through its
 * arguments (and what that points to, structs that hold graphs included)
 * becomes unknown. */
/* Whether v holds a pointer into the program's variables, or to one of
 * its functions (inside structs and arrays too). */
static bool holds_pointer(const av *v, int depth)
{
    if (depth > 8)
        return true;
    switch (v->kind) {
    case AV_REF: case AV_FN:
        return true;
    case AV_BOX:
        return holds_pointer(v->box, depth + 1);
    case AV_AGG:
        for (uint32_t i = 0; i < v->nfields; i++)
            if (holds_pointer(v->vals[i], depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

static void havoc_call(fctx *f, sc_state *st, const av **args, uint32_t n)
{
    havoc_graphs h = {f->e, st};
    for (uint32_t i = 0; i < n; i++) {
        /* what the callee reaches through pointers stored in memory (a
         * table of option flags, an argv of the program's own strings)
         * or runs (a callback) it computes from the program's own data:
         * tests on it are not an input's, either side may be a path no
         * run takes */
        if (args[i]->kind == AV_FN ||
            ((args[i]->kind == AV_REF || args[i]->kind == AV_BOX) &&
             holds_pointer(mem_peek(f->e, st, args[i]), 0)))
            st->tainted = true;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (args[i]->kind == AV_GRAPH)
            havoc_graph(f->e, st, args[i]->id);
        else
            mem_havoc_reachable(f->e, st, args[i], havoc_graph_cb, &h);
    }
}

/* Code the engine cannot see may have run with everything the program
 * holds: every global (and what it points to) and every graph is
 * unknown, and the path is doubtful from here on. */
static void havoc_everything(fctx *f, sc_state *st)
{
    sc_engine *e = f->e;
    havoc_graphs h = {e, st};
    for (uint32_t slot = 0; slot < f->in->prog->nglobal_slots; slot++) {
        const av *old = state_get(st, 0, slot);
        state_set(e, st, 0, slot, av_top());
        mem_havoc_reachable(e, st, old, havoc_graph_cb, &h);
    }
    for (uint32_t g = 0; g < st->ngraphs; g++)
        havoc_graph(e, st, st->graphs[g]->id);
    st->tainted = true;
}

/* A function of the program's that the engine cannot see (defined in a
 * file it does not read) may set any global other files can name, and
 * what they point to: each becomes unknown, and a path that reads one
 * of them afterwards is doubtful (its value is the program's, not an
 * input's). */
static void havoc_shared(fctx *f, sc_state *st)
{
    sc_engine *e = f->e;
    const sc_program *p = f->in->prog;
    havoc_graphs h = {e, st};
    for (uint32_t i = 0; i < p->nshared; i++) {
        uint32_t slot = p->shared_slots[i];
        const av *old = state_get(st, 0, slot);
        av *v = (av *)av_unknown(e);
        v->unseen = true;
        state_set(e, st, 0, slot, v);
        mem_havoc_reachable(e, st, old, havoc_graph_cb, &h);
    }
}

/* Checking stops short here (a call not followed, past a cap or through a
 * pointer nobody knows): what follows on this path is not sure. */
static void not_followed(fctx *f, sc_state *st, ir_loc loc)
{
    (void)f;
    (void)loc;
    st->tainted = true;
}

static bool on_chain(const sc_chain *c, const char *name, int *count)
{
    *count = 0;
    for (; c; c = c->up)
        if (c->callee == name)
            (*count)++;
    return *count > 0;
}

static void call_user(fctx *f, const sc_fn *fn, const ir_expr *call,
                      ir_loc loc, sc_state *st, const av **args,
                      uint32_t nargs, sc_svs *out);
static void call_target(fctx *f, const ir_expr *x, const av_target *t,
                        sc_state *st, const av **args, uint32_t nargs,
                        sc_svs *out);
static void run_unknown(fctx *f, const ir_expr *x, ir_loc loc, sc_state *st,
                        const av **args, uint32_t nargs, sc_svs *out);

/* Runs the function pointer v may hold on st, as a call from code the
 * engine does not see (a handler, a thread, a callback): with these
 * arguments, at loc; the paths it leaves go to out. */
static void run_pointer(fctx *f, const av *v, ir_loc loc, sc_state *st,
                        const av **args, uint32_t nargs, sc_svs *out)
{
    if (v->kind != AV_FN) {
        push_sv(out, st, av_top());
        return;
    }
    for (uint32_t i = 0; i < v->ntargets; i++) {
        sc_state *c = i + 1 < v->ntargets ? state_clone(f->e, st) : st;
        const sc_fn *fn = program_find(f->in->prog, v->targets[i].unit,
                                       v->targets[i].name);
        if (fn)
            call_user(f, fn, NULL, loc, c, args, nargs, out);
        else
            push_sv(out, c, av_top());
    }
}

/* The program's functions an external function handed these arguments
 * may call back: each runs once, on a doubtful path of its own, with
 * arguments nobody knows (the external code's own). */
static void run_callbacks(fctx *f, const ir_expr *x, sc_state *st,
                          const av **args, uint32_t nargs, sc_svs *out)
{
    for (uint32_t i = 0; i < nargs; i++) {
        if (args[i]->kind != AV_FN)
            continue;
        for (uint32_t t = 0; t < args[i]->ntargets; t++) {
            const sc_fn *fn = program_find(f->in->prog, args[i]->targets[t].unit,
                                           args[i]->targets[t].name);
            if (!fn)
                continue;
            const av **unknown = sc_alloc(&f->e->arena,
                                          (fn->fn->nparams + 1) * sizeof *unknown);
            for (uint32_t k = 0; k < fn->fn->nparams; k++)
                unknown[k] = av_top();
            sc_state *c = state_clone(f->e, st);
            c->tainted = true;
            sc_svs res = {0};
            call_user(f, fn, NULL, x->loc, c, unknown, fn->fn->nparams, &res);
            for (size_t k = 0; k < res.len; k++)
                push_sv(out, res.items[k].st, av_unknown(f->e));
            SC_VEC_FREE(res);
        }
    }
}

/* The handlers atexit registered, last first, on each of the states. */
static void run_atexit(fctx *f, ir_loc loc, sc_states *sts)
{
    for (int guard = 0; guard < 32; guard++) {
        /* the states may disagree on the handlers: each is run on the
         * states that hold it, newest first */
        bool any = false;
        for (size_t i = 0; i < sts->len && !any; i++) {
            const av *l = state_get(sts->items[i], 0, SLOT_ATEXIT);
            any = l->kind == AV_AGG && l->nfields > 0;
        }
        if (!any)
            return;
        sc_states next = {0};
        for (size_t i = 0; i < sts->len; i++) {
            sc_state *st = sts->items[i];
            const av *l = state_get(st, 0, SLOT_ATEXIT);
            if (l->kind != AV_AGG || l->nfields == 0) {
                SC_PUSH(next, st);
                continue;
            }
            const av *h = l->vals[l->nfields - 1];
            state_set(f->e, st, 0, SLOT_ATEXIT,
                      av_agg(f->e, l->nfields - 1, NULL, l->vals, false));
            sc_svs out = {0};
            run_pointer(f, h, loc, st, NULL, 0, &out);
            for (size_t k = 0; k < out.len; k++)
                SC_PUSH(next, out.items[k].st);
            SC_VEC_FREE(out);
        }
        SC_VEC_FREE(*sts);
        *sts = next;
        normalize(f->in, sts);
    }
}

static int64_t int_or(const av *v, int64_t dflt)
{
    return v->kind == AV_INT ? v->i : dflt;
}

/* The handler a struct sigaction holds (glibc spells sa_handler as a
 * macro for a union member) */
static const av *sigaction_handler(fctx *f, sc_state *st, const av *sa)
{
    sc_engine *e = f->e;
    const av *u = mem_member(e, sa, sc_istr(e, "__sigaction_handler"));
    const av *h = mem_peek(e, st, mem_member(e, u, sc_istr(e, "sa_handler")));
    if (h->kind != AV_FN)
        h = mem_peek(e, st, mem_member(e, sa, sc_istr(e, "sa_handler")));
    return h;
}

/* Functions of the C library (and of POSIX) that run the program's own
 * code, or keep it to run later: atexit, threads, once, signals, and the
 * varargs builtins.  True if name is one (the call is done). */
static bool hook_call(fctx *f, const ir_expr *x, const char *name,
                      sc_state *st, const av **args, uint32_t nargs,
                      sc_svs *out)
{
    sc_engine *e = f->e;
    if (strcmp(name, "atexit") == 0 && nargs == 1) {
        const av *l = state_get(st, 0, SLOT_ATEXIT);
        const av *nl = av_with_elem(e, l->kind == AV_AGG ? l : av_agg(e, 0, NULL, NULL, false),
                                    l->kind == AV_AGG ? l->nfields : 0, args[0]);
        if (args[0]->kind != AV_FN || !nl) {
            havoc_everything(f, st);   /* a handler nobody knows */
            nl = av_agg(e, 0, NULL, NULL, false);
        }
        state_set(e, st, 0, SLOT_ATEXIT, nl);
        push_sv(out, st, av_int(e, 0));
        return true;
    }
    if (strcmp(name, "pthread_create") == 0 && nargs == 4) {
        /* the thread runs its function with its argument; the program
         * waits for it (pthread_join) before it looks: it is run here */
        const av *arg = args[3];
        sc_svs res = {0};
        if (args[2]->kind == AV_FN)
            run_pointer(f, args[2], x->loc, st, &arg, 1, &res);
        else {
            havoc_everything(f, st);
            push_sv(&res, st, av_top());
        }
        for (size_t i = 0; i < res.len; i++)
            push_sv(out, res.items[i].st, av_int(e, 0));
        SC_VEC_FREE(res);
        return true;
    }
    if (strcmp(name, "pthread_once") == 0 && nargs == 2) {
        const av *flag = mem_peek(e, st, args[0]);
        if (flag->kind == AV_INT && flag->i != 0) {
            push_sv(out, st, av_int(e, 0));
            return true;
        }
        if (flag->kind != AV_INT)
            st->tainted = true;    /* run once before, or not: not sure */
        mem_store(e, st, args[0], av_int(e, 1), false);
        sc_svs res = {0};
        if (args[1]->kind == AV_FN)
            run_pointer(f, args[1], x->loc, st, NULL, 0, &res);
        else {
            havoc_everything(f, st);
            push_sv(&res, st, av_top());
        }
        for (size_t i = 0; i < res.len; i++)
            push_sv(out, res.items[i].st, av_int(e, 0));
        SC_VEC_FREE(res);
        return true;
    }
    if ((strcmp(name, "signal") == 0 && nargs == 2) ||
        (strcmp(name, "sigaction") == 0 && nargs == 3)) {
        int64_t sig = int_or(args[0], -1);
        const av *h = name[3] == 'a' ? sigaction_handler(f, st, args[1]) : args[1];
        if (sig >= 0 && sig < 0x100) {
            const av *old = state_get(st, 0, SLOT_SIGNAL(sig));
            if (name[3] == 'a' && nargs == 3 && args[2]->kind == AV_REF)
                mem_havoc_reachable(e, st, args[2], NULL, NULL);
            if (!(name[3] == 'a' && args[1]->kind == AV_NULL))
                state_set(e, st, 0, SLOT_SIGNAL(sig), h);
            push_sv(out, st, name[3] == 'a' ? av_int(e, 0) : old);
            return true;
        }
        push_sv(out, st, av_unknown(e));
        return true;
    }
    if ((strcmp(name, "raise") == 0 && nargs == 1) ||
        (strcmp(name, "kill") == 0 && nargs == 2)) {
        int64_t sig = int_or(args[nargs - 1], -1);
        const av *h = sig >= 0 && sig < 0x100 ? state_get(st, 0, SLOT_SIGNAL(sig))
                                              : av_top();
        sc_svs res = {0};
        if (h->kind == AV_FN) {
            const av *a = av_int(e, sig);
            run_pointer(f, h, x->loc, st, &a, 1, &res);
        } else {
            push_sv(&res, st, av_top());
        }
        for (size_t i = 0; i < res.len; i++)
            push_sv(out, res.items[i].st, av_int(e, 0));
        SC_VEC_FREE(res);
        return true;
    }
    if (strcmp(name, "__builtin_va_start") == 0 && nargs >= 1) {
        /* the varargs of this call (call_user keeps them past the locals) */
        const av *va = state_get(st, f->fr.frame, f->fr.fn->nlocals);
        const av *list = av_with_field(e, av_agg(e, 0, NULL, NULL, false),
                                       sc_istr(e, LIBC_VA_FIELD),
                                       va->kind == AV_AGG ? va : av_top());
        mem_store(e, st, args[0], list, false);
        push_sv(out, st, av_top());
        return true;
    }
    if (strcmp(name, "__builtin_va_copy") == 0 && nargs >= 2) {
        mem_store(e, st, args[0], mem_peek(e, st, args[1]), false);
        push_sv(out, st, av_top());
        return true;
    }
    if (strcmp(name, "__builtin_va_end") == 0) {
        push_sv(out, st, av_top());
        return true;
    }
    return false;
}

/* The library's error handler of the graph a failed call worked on runs
 * with the failure and the user pointer it was set with. */
static void run_error_handler(fctx *f, const ir_expr *x, const vs_fn_info *lib,
                              const av **args, uint32_t nargs, sc_sv *res,
                              sc_svs *out)
{
    sc_engine *e = f->e;
    const sc_graph *g = lib->graph >= 0 && (uint32_t)lib->graph < nargs
                            ? model_graph_arg(res->st, args[lib->graph]) : NULL;
    if (g && f->in->prog->reads_last_error)
        state_set(e, res->st, 0, SLOT_LAST_ERROR(g->id),
                  res->code ? av_int(e, res->code) : av_top());
    const av *h = g ? state_get(res->st, 0, SLOT_ERROR_FN(g->id)) : av_top();
    if (!g || h->kind != AV_FN) {
        push_sv(out, res->st, res->v);
        return;
    }
    const char *fields[] = {"code", "message", "file", "line"};
    const char **names = sc_alloc(&e->arena, 4 * sizeof *names);
    const av **vals = sc_alloc(&e->arena, 4 * sizeof *vals);
    for (int i = 0; i < 4; i++) {
        names[i] = sc_istr(e, fields[i]);
        vals[i] = av_top();
    }
    if (res->code)
        vals[0] = av_int(e, res->code);
    const av *hargs[2] = {av_box(e, av_agg(e, 4, names, vals, false)),
                          state_get(res->st, 0, SLOT_ERROR_USER(g->id))};
    sc_svs hres = {0};
    run_pointer(f, h, x->loc, res->st, hargs, 2, &hres);
    for (size_t i = 0; i < hres.len; i++)
        push_sv(out, hres.items[i].st, res->v);
    SC_VEC_FREE(hres);
}

static const char *const setjmp_fns[] = {"setjmp", "_setjmp", "sigsetjmp",
                                         "__sigsetjmp", "__builtin_setjmp",
                                         NULL};
static void call_setjmp(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out);
static void run_runtime_hooks(sc_interp *in, bool before_main, sc_states *sts);

/* A wrapper that forwards its caller's __FILE__ and __LINE__ to a
 * library function's _at form, whose last two arguments they are, as the
 * library's own macros do: the library reports at the line it is given, so the finding goes there,
 * to the call on the chain at that line, rather than inside the wrapper. */
static void forwarded_site(fctx *f, const ir_expr *x, const vs_fn_info *lib,
                           const av **args, uint32_t nargs, sc_site *site)
{
    size_t len = strlen(lib->name);
    if (len < 3 || strcmp(lib->name + len - 3, "_at") != 0 ||
        nargs != (uint32_t)lib->arity + 2 || x->nkids != nargs + 1)
        return;
    const ir_expr *line_arg = x->kids[nargs];
    const av *line = args[nargs - 1];
    if (!line_arg || line_arg->kind != IR_SYM || line->kind != AV_INT)
        return;                   /* __LINE__ written at this call */
    for (const sc_chain *c = f->chain; c; c = c->up) {
        if ((int64_t)c->call.line == line->i) {
            sc_site at = {c->call, c->unit, c->up, NULL};
            *site = at;
            return;
        }
    }
}

/* A builder the engine cannot name is followed as any call through a
 * pointer nobody knows (run_unknown: each of the program's functions that
 * could be it, on a doubtful path, and code it cannot see), except that
 * the library's template call checks what it did: whether one of its
 * calls failed is unknown too, so the template call "could fail". */
static void builder_unknown(fctx *f, ir_loc loc, sc_state *st,
                            const av **args, sc_svs *out)
{
    sc_engine *e = f->e;
    sc_svs res = {0};
    run_unknown(f, NULL, loc, st, args, 3, &res);
    for (size_t i = 0; i < res.len; i++) {
        sc_state *c = res.items[i].st;
        for (uint32_t g = 0; g < c->ngraphs; g++) {
            if (c->graphs[g]->freed || c->graphs[g]->tdepth == 0)
                continue;
            sc_graph *copy = graph_copy(e, c->graphs[g]);
            copy->reported = SC_COUNT_TOP;
            state_set_graph(e, c, copy);
        }
        push_sv(out, c, av_or_null(e, av_tensor(e, NULL, false)));
    }
    SC_VEC_FREE(res);
}

/* A template's builder, called with (graph, input, user) as the library
 * calls it (template.c: t->fn(g, input, t->user)), inside the template's
 * scope: each function the pointer may hold runs with the caller's state
 * (one path per target, as any call through a pointer); its calls are
 * checked at their own lines.  A target the engine cannot see (or a
 * pointer it cannot name) is followed by nothing: builder_unknown. */
static void call_builder(fctx *f, sc_state *st, const av *fn, ir_loc loc,
                         const av **args, sc_svs *out)
{
    if (fn->kind != AV_FN || fn->ntargets == 0) {
        builder_unknown(f, loc, st, args, out);
        return;
    }
    for (uint32_t i = 0; i < fn->ntargets; i++) {
        sc_state *c = i + 1 < fn->ntargets ? state_clone(f->e, st) : st;
        const sc_fn *target = program_find(f->in->prog, fn->targets[i].unit,
                                           fn->targets[i].name);
        if (target)
            call_user(f, target, NULL, loc, c, args, 3, out);
        else
            builder_unknown(f, loc, c, args, out);
    }
}

/* vs_template_call: the library's work before the builder, the builder,
 * the library's work after it (model.h) */
static void template_call(fctx *f, const ir_expr *x, sc_state *st,
                          const av **args, uint32_t nargs,
                          const sc_site *site, sc_svs *out)
{
    sc_builder_runs runs = {0};
    model_template_call(f->e, st, args, nargs, site, out, &runs);
    for (size_t i = 0; i < runs.len; i++) {
        sc_svs res = {0};
        call_builder(f, runs.items[i].st, runs.items[i].fn, x->loc,
                     runs.items[i].args, &res);
        for (size_t k = 0; k < res.len; k++)
            model_template_return(f->e, res.items[k].st, runs.items[i].call,
                                  res.items[k].v, site, out);
        SC_VEC_FREE(res);
    }
    SC_VEC_FREE(runs);
}

static void call_library(fctx *f, const ir_expr *x, const vs_fn_info *lib,
                         sc_state *st, const av **args, uint32_t nargs,
                         sc_svs *out)
{
    sc_engine *e = f->e;
    sc_site site = site_of(f, x->loc);
    forwarded_site(f, x, lib, args, nargs, &site);
    vs_fn_id id = vs__fn_id(lib);
    if (id == VS_FN_vs_graph_free && nargs > (uint32_t)lib->graph) {
        const sc_graph *g = model_graph_arg(st, args[lib->graph]);
        if (g && !e->muted)
            checkers_graph_free(f->in->checkers, st, g, &site);
    }
    if (id == VS_FN_vs_set_error_handler && nargs == 3) {
        const sc_graph *g = model_graph_arg(st, args[0]);
        if (g) {
            state_set(e, st, 0, SLOT_ERROR_FN(g->id), args[1]);
            state_set(e, st, 0, SLOT_ERROR_USER(g->id), args[2]);
        } else if (args[1]->kind != AV_NULL) {
            havoc_everything(f, st);   /* whose handler: not known */
        }
    }
    if (id == VS_FN_vs_template_call) {
        const sc_graph *g = nargs > 0 ? model_graph_arg(st, args[0]) : NULL;
        if (g && f->in->prog->reads_last_error)   /* the builder's calls
                                                      may fail */
            state_set(e, st, 0, SLOT_LAST_ERROR(g->id), av_top());
        template_call(f, x, st, args, nargs, &site, out);
        return;
    }
    if (id == VS_FN_vs_last_error && nargs == 1) {
        const sc_graph *g = model_graph_arg(st, args[0]);
        sc_sv r = {st, g ? state_get(st, 0, SLOT_LAST_ERROR(g->id))
                         : args[0]->kind == AV_NULL ? av_int(e, 0) : av_top(),
                   false, 0};
        SC_PUSH(*out, r);
        return;
    }
    sc_svs res = {0};
    model_call(e, id, st, args, nargs, &site, &res);
    for (size_t i = 0; i < res.len; i++) {
        if (res.items[i].failed) {
            run_error_handler(f, x, lib, args, nargs, &res.items[i], out);
        } else {
            const sc_graph *g = id == VS_FN_vs_graph_new &&
                                        f->in->prog->reads_last_error
                                    ? model_graph_arg(res.items[i].st, res.items[i].v)
                                    : NULL;
            if (g)
                state_set(e, res.items[i].st, 0, SLOT_LAST_ERROR(g->id),
                          av_int(e, 0));
            SC_PUSH(*out, res.items[i]);
        }
    }
    SC_VEC_FREE(res);
}

/* A call of the function `name` (as written in unit `unit`). */
static void call_named(fctx *f, const ir_expr *x, const char *name,
                       const void *unit, sc_state *st, const av **args,
                       uint32_t nargs, sc_svs *out)
{
    sc_engine *e = f->e;
    const vs_fn_info *lib = program_library_function(f->in->prog, name);
    if (lib) {
        call_library(f, x, lib, st, args, nargs, out);
        return;
    }
    const sc_fn *fn = program_find(f->in->prog, unit, name);
    if (fn) {
        call_user(f, fn, x, x->loc, st, args, nargs, out);
        return;
    }
    if (in_list(noreturn_fns, name)) {
        if (strcmp(name, "longjmp") == 0 || strcmp(name, "siglongjmp") == 0)
            jump_leaves_open(f, x, st);
        if (strcmp(name, "exit") == 0 && nargs >= 1) {
            /* exit runs the atexit handlers and the destructors (for
             * what they report) */
            sc_states sts = {0};
            SC_PUSH(sts, st);
            run_atexit(f, x->loc, &sts);
            run_runtime_hooks(f->in, false, &sts);
            SC_VEC_FREE(sts);
        }
        return;                   /* the path ends here */
    }
    if (in_list(setjmp_fns, name)) {
        call_setjmp(f, x, st, out);
        return;
    }
    if (hook_call(f, x, name, st, args, nargs, out))
        return;
    const av *ret;
    if (libc_call(e, st, name, args, nargs, &ret)) {
        push_sv(out, st, ret);
        return;
    }
    havoc_call(f, st, args, nargs);
    if (!libc_is_standard(name))
        havoc_shared(f, st);
    /* the program's functions it was handed may be called back */
    run_callbacks(f, x, st, args, nargs, out);
    /* getenv("X"), atoi(s): unknown, but one value each, which the
     * path's tests can then say things about */
    push_sv(out, st, av_unknown(e));
}

static void call_target(fctx *f, const ir_expr *x, const av_target *t,
                        sc_state *st, const av **args, uint32_t nargs,
                        sc_svs *out)
{
    call_named(f, x, t->name, t->unit, st, args, nargs, out);
}

/* A call through a pointer nobody knows the target of: it may be any of
 * the program's functions whose address is taken and that take this many
 * arguments (each is run on a doubtful copy of the path, so what fails in
 * them is a "could fail", --strict), or code the engine cannot see: the
 * path goes on after what the arguments reach is unknown, doubtful too.
 * Past MAX_UNKNOWN_TARGETS candidates, only those that can reach the
 * library are run, and everything the program holds is unknown after;
 * with none to run (or still too many), a note says the call is not
 * checked. */
static void run_unknown(fctx *f, const ir_expr *x, ir_loc loc, sc_state *st,
                        const av **args, uint32_t nargs, sc_svs *out)
{
    sc_engine *e = f->e;
    const sc_program *p = f->in->prog;
    const sc_fn *cand[MAX_UNKNOWN_TARGETS];
    size_t n = 0, nreach = 0, all = 0;
    for (size_t i = 0; i < p->nfns; i++) {
        const sc_fn *fn = &p->fns[i];
        if (!fn->address_taken || fn->fn->nparams != nargs)
            continue;
        all++;
        nreach += fn->reaches;
    }
    bool only_reaching = all > MAX_UNKNOWN_TARGETS;
    bool too_many = only_reaching && nreach > MAX_UNKNOWN_TARGETS;
    for (size_t i = 0; i < p->nfns && !too_many; i++) {
        const sc_fn *fn = &p->fns[i];
        if (fn->address_taken && fn->fn->nparams == nargs &&
            (fn->reaches || !only_reaching))
            cand[n++] = fn;
    }
    not_followed(f, st, loc);
    if (stop_for_budget(f, loc)) {
        n = 0;                    /* the budget note says why */
    } else if (n == 0) {
        sc_site at = site_of(f, loc);
        sc_unchecked(e, &at, SC_STOP_UNKNOWN_CALLEE, NULL);
    }
    for (size_t i = 0; i < n; i++) {
        sc_state *c = state_clone(e, st);
        call_user(f, cand[i], x, loc, c, args, nargs, out);
    }
    if (only_reaching)
        havoc_everything(f, st);
    havoc_call(f, st, args, nargs);
    push_sv(out, st, av_unknown(e));
}

/* Values evaluated left to right on one path, each of which may split it
 * (a call that may fail, a `?:` on an unknown): one list per path. */
typedef struct vals_path {
    sc_state *st;
    const av **vals;
} vals_path;
typedef SC_VEC(vals_path) vals_paths;

/* exprs[0..n) in order from st, into out (one list of n values per path);
 * bind_ints: an integer set from a pure expression stands for it, as a
 * variable does (facts_bind_value: a struct's fields). */
/* A list of n values: in the arena, or malloc'd (heap: a call's
 * arguments, which nothing keeps past the call) */
static const av **vals_new(fctx *f, uint32_t n, bool heap)
{
    size_t bytes = (n + 1) * sizeof(const av *);
    return heap ? memset(sc_xmalloc(bytes), 0, bytes) : sc_alloc(&f->e->arena, bytes);
}

static void eval_in_order(fctx *f, ir_expr *const *exprs, uint32_t n,
                          sc_state *st, bool bind_ints, bool heap,
                          vals_paths *out)
{
    vals_paths cur = {0}, next = {0};
    vals_path p0 = {st, vals_new(f, n, heap)};
    SC_PUSH(cur, p0);
    for (uint32_t i = 0; i < n; i++) {
        for (size_t k = 0; k < cur.len; k++) {
            sc_svs v = {0};
            eval(f, exprs[i], cur.items[k].st, &v);
            if (heap && v.len == 0)
                free(cur.items[k].vals);          /* a path that ended */
            for (size_t m = 0; m < v.len; m++) {
                vals_path p = {v.items[m].st, cur.items[k].vals};
                if (m > 0) {
                    p.vals = vals_new(f, n, heap);
                    if (i)
                        memcpy(p.vals, cur.items[k].vals, i * sizeof(const av *));
                }
                p.vals[i] = bind_ints && exprs[i]->type.kind == IR_T_INT
                                ? facts_bind_value(&f->fr, exprs[i], p.st,
                                                   v.items[m].v)
                                : v.items[m].v;
                SC_PUSH(next, p);
            }
            SC_VEC_FREE(v);
        }
        cur.len = 0;
        vals_paths t = cur;
        cur = next;
        next = t;
    }
    SC_VEC_FREE(next);
    *out = cur;
}

static void call_unknown(fctx *f, const ir_expr *x, sc_state *st,
                         const av **args, uint32_t nargs, sc_svs *out)
{
    run_unknown(f, x, x->loc, st, args, nargs, out);
}

/* Evaluates the callee (for a call through a pointer) and the arguments
 * left to right; each combination is called, each target of a pointer
 * that may hold several on a path of its own. */
static void eval_call(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out)
{
    uint32_t nargs = x->nkids ? x->nkids - 1 : 0;
    sc_svs callee = {0};
    if (!x->str && x->nkids > 0)
        eval(f, x->kids[0], st, &callee);      /* the callee expression */
    else
        push_sv(&callee, st, NULL);
    for (size_t ci = 0; ci < callee.len; ci++) {
        vals_paths cur = {0};
        /* the arguments' lists: the callee reads them, keeps none */
        eval_in_order(f, x->kids + 1, nargs, callee.items[ci].st, false, true,
                      &cur);
        const av *fnv = callee.items[ci].v;
        for (size_t k = 0; k < cur.len; k++) {
            sc_state *cst = cur.items[k].st;
            const av **args = cur.items[k].vals;
            if (x->str) {
                call_named(f, x, x->str, f->fr.unit, cst, args, nargs, out);
            } else if (fnv->kind == AV_FN) {
                /* one path per function the pointer may hold */
                for (uint32_t t = 0; t < fnv->ntargets; t++) {
                    sc_state *c = t + 1 < fnv->ntargets ? state_clone(f->e, cst) : cst;
                    call_target(f, x, &fnv->targets[t], c, args, nargs, out);
                }
            } else {
                call_unknown(f, x, cst, args, nargs, out);
            }
        }
        for (size_t k = 0; k < cur.len; k++)
            free(cur.items[k].vals);
        SC_VEC_FREE(cur);
    }
    SC_VEC_FREE(callee);
}

/* ---- expressions ---- */

static const av *string_lit(fctx *f, const ir_expr *x)
{
    return av_str(f->e, sc_istrn(f->e, x->str, x->len));
}

static void aggregate(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out);

/* True if x is made of literals only: its value is the same on every
 * path, whatever the state. */
static bool literal(const ir_expr *x)
{
    switch (x->kind) {
    case IR_INT: case IR_FLOAT: case IR_FUNCREF: case IR_STR: case IR_NULL:
        return true;
    case IR_CAST:
        return literal(x->kids[0]);
    case IR_ADDR:
        return x->kids[0]->kind == IR_INIT && literal(x->kids[0]);
    case IR_INIT:
        /* a union's members not given are unknown: each initializer of
         * one is a value of its own (mem.c: derived) */
        if (x->ival & 2)
            return false;
        for (uint32_t i = 0; i < x->nkids; i++)
            if (!literal(x->kids[i]))
                return false;
        return true;
    default:
        return false;
    }
}

/* Whether x names a place in memory (so `x.f` reads memory, not a
 * value computed on the way). */
static bool is_place(const ir_expr *x)
{
    while (x->kind == IR_CAST)
        x = x->kids[0];
    switch (x->kind) {
    case IR_SYM: case IR_INDEX: case IR_DEREF:
        return true;
    case IR_MEMBER:
        return x->op == 1 || is_place(x->kids[0]);
    default:
        return false;
    }
}

static const av NOT_LITERAL = {.kind = AV_TOP};

static struct sc_literal *literal_slot(sc_interp *in, const ir_expr *x)
{
    if (2 * (in->literals_count + 1) > in->literals_cap) {
        struct sc_literal *old = in->literals;
        size_t ocap = in->literals_cap;
        in->literals_cap = ocap ? 2 * ocap : 1024;
        in->literals = sc_xmalloc(in->literals_cap * sizeof *in->literals);
        memset(in->literals, 0, in->literals_cap * sizeof *in->literals);
        in->literals_count = 0;
        for (size_t i = 0; i < ocap; i++)
            if (old[i].x) {
                *literal_slot(in, old[i].x) = old[i];
                in->literals_count++;
            }
        free(old);
    }
    /* a hash of the address alone: sc_addrhash gives the expressions of
     * one 4 KiB stretch the same low bits, which in one flat table would
     * be one long probe sequence */
    size_t i = (size_t)pm_hash_int((uint64_t)(uintptr_t)x) & (in->literals_cap - 1);
    while (in->literals[i].x && in->literals[i].x != x)
        i = (i + 1) & (in->literals_cap - 1);
    return &in->literals[i];
}

/* An aggregate of literals (a call's options, `VS_SHAPE(2)`) is evaluated
 * once, and its value shared by every path and every later evaluation:
 * each call on each path would otherwise build the same struct again.
 * False if x is not one (then it is evaluated as usual). */
static bool eval_literal(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out)
{
    sc_interp *in = f->in;
    struct sc_literal *slot = literal_slot(in, x);
    const av *v = slot->v;
    if (!v) {
        slot->x = x;
        slot->v = &NOT_LITERAL;
        in->literals_count++;
        v = &NOT_LITERAL;
        if (literal(x)) {
            /* NOT_LITERAL while it is evaluated as usual (the table may
             * grow meanwhile: the slot is looked up again) */
            sc_svs one = {0};
            eval(f, x, st, &one);
            assert(one.len == 1 && one.items[0].st == st);
            v = one.items[0].v;
            SC_VEC_FREE(one);
            literal_slot(in, x)->v = v;
        }
    }
    if (v == &NOT_LITERAL)
        return false;
    push_sv(out, st, v);
    return true;
}

static void eval(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out)
{
    sc_engine *e = f->e;
    switch (x->kind) {
    case IR_INT:
        /* past the small ones av_int keeps, made once per literal, as a
         * literal aggregate is (eval_literal) */
        if ((x->ival >= SC_SMALL_INT_LO && x->ival < SC_SMALL_INT_HI) ||
            !eval_literal(f, x, st, out))
            push_sv(out, st, av_int(e, x->ival));
        return;
    case IR_FLOAT:
        /* made once, as a literal aggregate is (eval_literal) */
        if (!eval_literal(f, x, st, out))
            push_sv(out, st, av_float(e, x->fval));
        return;
    case IR_FUNCREF: {
        av_target *t = sc_alloc(&e->arena, sizeof *t);
        t->name = sc_istr(e, x->str);
        t->unit = f->fr.unit;
        push_sv(out, st, av_fn(e, 1, t));
        return;
    }
    case IR_STR:
        push_sv(out, st, string_lit(f, x));
        return;
    case IR_NULL:
        push_sv(out, st, av_null());
        return;
    case IR_SYM: {
        uint32_t frame = x->symscope == IR_LOCAL ? f->fr.frame : 0;
        uint32_t slot = x->symscope == IR_LOCAL ? x->sym
                                                : global_slot(f, x->sym);
        if (x->type.kind != IR_T_ARRAY) {
            const av *v = state_get(st, frame, slot);
            if (v->unseen)
                st->tainted = true;
            const av *fv = v->kind == AV_TOP ? facts_value(&f->fr, x, st) : NULL;
            push_sv(out, st, fv ? fv : v);
            return;
        }
        /* an array names its storage: it decays to a pointer to it */
        push_sv(out, st, av_place(e, frame, slot, 0, NULL, true, false, 0));
        return;
    }
    case IR_UNOP: case IR_CAST: {
        sc_svs v = {0};
        eval(f, x->kids[0], st, &v);
        for (size_t i = 0; i < v.len; i++) {
            const av *r = x->kind == IR_CAST ? v.items[i].v
                                             : av_unop(e, x->op, v.items[i].v);
            if (r->kind == AV_TOP && x->kind == IR_UNOP) {
                const av *fv = facts_value(&f->fr, x, v.items[i].st);
                int t = x->op == '!' ? facts_truth(&f->fr, x->kids[0], v.items[i].st) : -1;
                r = fv ? fv : t >= 0 ? av_int(e, !t) : r;
            }
            push_sv(out, v.items[i].st, r);
        }
        SC_VEC_FREE(v);
        return;
    }
    case IR_BINOP: {
        sc_svs a = {0};
        eval(f, x->kids[0], st, &a);
        for (size_t i = 0; i < a.len; i++) {
            int t = av_truth(a.items[i].v);
            if ((x->op == IR_LAND && t == 0) || (x->op == IR_LOR && t == 1)) {
                push_sv(out, a.items[i].st, av_int(e, t));
                continue;
            }
            sc_state *bst = a.items[i].st;
            if ((x->op == IR_LAND || x->op == IR_LOR) && t < 0) {
                /* short circuit on some paths only: each side learns
                 * what the left operand was */
                sc_state *y, *n;
                decide_doubt(f, x->kids[0], bst, a.items[i].v, &y, &n);
                sc_state *stop = x->op == IR_LAND ? n : y;
                bst = x->op == IR_LAND ? y : n;
                if (stop)
                    push_sv(out, stop, av_int(e, x->op == IR_LOR));
                if (!bst)
                    continue;
            }
            sc_svs b = {0};
            eval(f, x->kids[1], bst, &b);
            for (size_t k = 0; k < b.len; k++) {
                const av *r;
                if (x->op == IR_LAND || x->op == IR_LOR) {
                    int tb = av_truth(b.items[k].v);
                    if (tb < 0 && !av_is_lost(b.items[k].v)) {
                        /* each side learns what the right operand was,
                         * as a branch on it would: `f = s && s[0] == '2'`
                         * after `atoi(s) == 0` is 0 */
                        sc_state *y, *n;
                        decide(f, x->kids[1], b.items[k].st, b.items[k].v,
                               &y, &n);
                        if (y)
                            push_sv(out, y, av_int(e, 1));
                        if (n)
                            push_sv(out, n, av_int(e, 0));
                        continue;
                    }
                    r = tb < 0 ? av_lost_from(e, av_range(e, true, 0, true, 1),
                                              b.items[k].v, NULL)
                               : av_int(e, tb);
                } else {
                    r = binop(e, x->op, a.items[i].v, b.items[k].v);
                }
                if (r->kind == AV_TOP) {
                    const av *fv = facts_value(&f->fr, x, b.items[k].st);
                    int t = facts_truth(&f->fr, x, b.items[k].st);
                    r = fv ? fv : t >= 0 && (x->op >= IR_LT && x->op <= IR_NE) ? av_int(e, t)
                        : t == 1 ? av_nonzero(e, r) : r;
                }
                push_sv(out, b.items[k].st, r);
            }
            SC_VEC_FREE(b);
        }
        SC_VEC_FREE(a);
        return;
    }
    case IR_COND: {
        sc_svs c = {0};
        eval(f, x->kids[0], st, &c);
        for (size_t i = 0; i < c.len; i++) {
            sc_state *y, *n;
            decide_doubt(f, x->kids[0], c.items[i].st, c.items[i].v, &y, &n);
            if (y)
                eval(f, x->kids[1], y, out);
            if (n)
                eval(f, x->kids[2], n, out);
        }
        SC_VEC_FREE(c);
        return;
    }
    case IR_ASSIGN: case IR_INCDEC: {
        sc_svs v = {0};
        if (x->kind == IR_ASSIGN)
            eval(f, x->kids[1], st, &v);
        else
            push_sv(&v, st, av_int(e, 1));
        bool byte = char_place(x->kids[0]);
        for (size_t i = 0; i < v.len; i++) {
            sc_state *s = v.items[i].st;
            const av *place = addr_of(f, x->kids[0], s);
            const av *val = v.items[i].v, *old = NULL;
            if (x->kind == IR_INCDEC) {
                old = mem_load(e, s, place);
                bool inc = x->op == IR_PREINC || x->op == IR_POSTINC;
                val = binop(e, inc ? IR_ADD : IR_SUB, old, val);
            } else if (x->op) {
                val = binop(e, x->op, mem_load(e, s, place), val);
            } else if (x->kids[0]->type.kind == IR_T_INT) {
                val = facts_bind_value(&f->fr, x->kids[1], s, val);
            }
            if (place->kind == AV_REF || place->kind == AV_BOX)
                mem_store(e, s, place, val, byte);
            else
                forget_texts(f, s);   /* a store the engine cannot place */
            bool post = x->kind == IR_INCDEC &&
                        (x->op == IR_POSTINC || x->op == IR_POSTDEC);
            push_sv(out, s, post ? old : val);
        }
        SC_VEC_FREE(v);
        return;
    }
    case IR_CALL:
        eval_call(f, x, st, out);
        return;
    case IR_MEMBER: {
        const char *fname = sc_istr(e, x->str);
        if (x->op == 0 && !is_place(x->kids[0])) {
            /* a field of a value (a call's result): no place to read */
            sc_svs v = {0};
            eval(f, x->kids[0], st, &v);
            for (size_t i = 0; i < v.len; i++)
                push_sv(out, v.items[i].st, av_field(e, v.items[i].v, fname));
            SC_VEC_FREE(v);
            return;
        }
        sc_svs v = {0};
        if (x->op == 1)
            eval(f, x->kids[0], st, &v);
        else
            push_sv(&v, st, addr_of(f, x->kids[0], st));
        for (size_t i = 0; i < v.len; i++) {
            const av *b = v.items[i].v, *r;
            if (b->kind == AV_BOX)
                r = av_field(e, b->box, fname);
            else if (x->type.kind == IR_T_ARRAY)
                r = mem_decay(e, mem_member(e, b, fname));
            else
                r = mem_load(e, v.items[i].st, mem_member(e, b, fname));
            push_sv(out, v.items[i].st, r);
        }
        SC_VEC_FREE(v);
        return;
    }
    case IR_INDEX: {
        sc_svs a = {0};
        eval(f, x->kids[0], st, &a);
        for (size_t i = 0; i < a.len; i++) {
            sc_svs b = {0};
            eval(f, x->kids[1], a.items[i].st, &b);
            for (size_t k = 0; k < b.len; k++) {
                const av *arr = a.items[i].v, *idx = b.items[k].v, *r;
                sc_state *s = b.items[k].st;
                if (arr->kind == AV_REF) {
                    const av *p = mem_add(e, arr, idx);
                    r = x->type.kind == IR_T_ARRAY ? mem_decay(e, p)
                                                   : mem_load(e, s, p);
                } else if (arr->kind == AV_STR || arr->kind == AV_AGG) {
                    /* a string literal, or an array value */
                    r = av_elem(e, arr, idx->kind == AV_INT ? idx->i : AV_ANY_INDEX);
                } else {
                    r = av_top();
                }
                push_sv(out, s, r);
            }
            SC_VEC_FREE(b);
        }
        SC_VEC_FREE(a);
        return;
    }
    case IR_ADDR: {
        const ir_expr *k = x->kids[0];
        if (k->kind == IR_INIT && eval_literal(f, x, st, out))
            return;
        while (k->kind == IR_CAST)
            k = k->kids[0];
        if (k->kind == IR_INIT || k->kind == IR_FUNCREF) {
            /* &(T){...}, &function */
            sc_svs v = {0};
            eval(f, k, st, &v);
            for (size_t i = 0; i < v.len; i++)
                push_sv(out, v.items[i].st,
                        k->kind == IR_INIT ? av_box(e, v.items[i].v) : v.items[i].v);
            SC_VEC_FREE(v);
            return;
        }
        push_sv(out, st, addr_of(f, k, st));
        return;
    }
    case IR_DEREF: {
        sc_svs v = {0};
        eval(f, x->kids[0], st, &v);
        for (size_t i = 0; i < v.len; i++) {
            const av *p = v.items[i].v;
            push_sv(out, v.items[i].st,
                    p->kind == AV_FN ? p       /* (*fp)(...) */
                    : x->type.kind == IR_T_ARRAY && p->kind == AV_REF ? mem_decay(e, p)
                    : mem_load(e, v.items[i].st, p));
        }
        SC_VEC_FREE(v);
        return;
    }
    case IR_INIT:
        if (!eval_literal(f, x, st, out))
            aggregate(f, x, st, out);
        return;
    case IR_COMMA: {
        sc_svs a = {0};
        eval(f, x->kids[0], st, &a);
        for (size_t i = 0; i < a.len; i++)
            eval(f, x->kids[1], a.items[i].st, out);
        SC_VEC_FREE(a);
        return;
    }
    case IR_UNKNOWN: {
        sc_states cur = {0};
        SC_PUSH(cur, st);
        for (uint32_t k = 0; k < x->nkids; k++) {
            sc_states next = {0};
            for (size_t i = 0; i < cur.len; i++) {
                sc_svs v = {0};
                eval(f, x->kids[k], cur.items[i], &v);
                for (size_t m = 0; m < v.len; m++)
                    SC_PUSH(next, v.items[m].st);
                SC_VEC_FREE(v);
            }
            SC_VEC_FREE(cur);
            cur = next;
        }
        /* around calls it made (a GNU statement expression whose
         * operator the front end could not read, say), the value is the
         * program's, computed from what they returned: lost, so that a
         * test on it is doubtful rather than an input's choice */
        const av *v = x->nkids ? av_lost(e) : av_top();
        for (size_t i = 0; i < cur.len; i++)
            push_sv(out, cur.items[i], v);
        SC_VEC_FREE(cur);
        return;
    }
    }
    push_sv(out, st, av_top());
}

/* A char array's initializer ({'c', 'o', 'n', 'v'}, or {"text"}): its
 * bytes, as far as they are known. */
static const av *char_array(fctx *f, const ir_expr *x, const av **vals,
                            uint32_t n)
{
    if (n == 1 && vals[0]->kind == AV_STR && x->kids[0]->kind == IR_STR)
        return mem_chars(f->e, vals[0]->s, strlen(vals[0]->s) + 1,
                         x->type.array_len);
    char *buf = sc_xmalloc(n + 1);
    uint32_t k = 0;
    while (k < n && vals[k]->kind == AV_INT) {
        buf[k] = (char)vals[k]->i;
        k++;
    }
    /* an element nobody knows: what is known ends before it */
    const av *r = mem_chars(f->e, buf, k, k < n ? (int64_t)k : x->type.array_len);
    free(buf);
    return r;
}

/* An initializer list: its items evaluated in order, each of which may
 * split the path (a call that may fail inside a compound literal), so the
 * result is one aggregate per path. */
static void aggregate(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out)
{
    sc_engine *e = f->e;
    bool is_struct = x->type.kind != IR_T_ARRAY;
    uint32_t n = x->nkids;
    vals_paths cur = {0};
    eval_in_order(f, x->kids, n, st, true, false, &cur);
    const char **names = NULL;
    uint32_t k = 0;
    bool unknown = false;
    if (is_struct) {
        /* the field names are the same on every path */
        names = sc_alloc(&e->arena, (n + 1) * sizeof *names);
        for (uint32_t i = 0; i < n; i++) {
            const char *fname = x->names ? x->names[i] : NULL;
            if (fname && fname[0] != '[')
                names[k++] = sc_istr(e, fname);
            else if (fname)
                unknown = true;   /* array designators in a struct: give up */
        }
    }
    for (size_t p = 0; p < cur.len; p++) {
        const av **vals = sc_alloc(&e->arena, (n + 1) * sizeof *vals);
        uint32_t kk = 0;
        bool unk = unknown;
        for (uint32_t i = 0; i < n; i++) {
            const av *val = cur.items[p].vals[i];
            const char *fname = x->names ? x->names[i] : NULL;
            if (is_struct && !fname) {
                /* positional: only zeros are understood ({0}) */
                if (!(val->kind == AV_INT && val->i == 0) && val->kind != AV_NULL)
                    unk = true;
                continue;
            }
            if (is_struct && fname[0] == '[')
                continue;
            vals[kk++] = val;
        }
        const av *r;
        if (unk)
            r = av_top();
        else if (!is_struct && x->type.name && strcmp(x->type.name, "char") == 0)
            r = char_array(f, x, vals, kk);
        else
            /* an array listed to its end has nothing past it */
            r = av_agg(e, kk, is_struct ? names : NULL, vals,
                       is_struct ? !(x->ival & 2)
                                 : x->type.array_len != (int64_t)kk);
        push_sv(out, cur.items[p].st, r);
    }
    SC_VEC_FREE(cur);
}

/* ---- statements ---- */

static void eval_stmt_expr(fctx *f, const ir_expr *x, sc_states *io)
{
    sc_states out = {0};
    for (size_t i = 0; i < io->len; i++) {
        sc_svs v = {0};
        eval(f, x, io->items[i], &v);
        for (size_t k = 0; k < v.len; k++)
            SC_PUSH(out, v.items[k].st);
        SC_VEC_FREE(v);
    }
    SC_VEC_FREE(*io);
    *io = out;
    normalize(f->in, io);
}

/* The paths of st on which cond (whose value there is v) holds, in *yes,
 * and fails, in *no (NULL: no such path).  Undecided, st is split in two,
 * each side learning what the test says, and a side that contradicts
 * what the path knew is dropped.  Returns cond's truth, or -1. */
static int decide(fctx *f, const ir_expr *cond, sc_state *st, const av *v,
                  sc_state **yes, sc_state **no)
{
    int t = av_truth(v);
    if (t < 0 && cond)
        t = facts_truth(&f->fr, cond, st);
    *yes = t == 1 ? st : NULL;
    *no = t == 0 ? st : NULL;
    if (t >= 0)
        return t;
    sc_state *y = state_clone(f->e, st);
    *yes = facts_assume(&f->fr, cond, y, 1) ? y : NULL;
    *no = facts_assume(&f->fr, cond, st, 0) ? st : NULL;
    return -1;
}

/* Splits states by a condition: those where it holds (or may) go to
 * *yes, those where it fails (or may) to *no.  unknown is set when some
 * state could not decide. */
/* Does x read a variable whose value the engine lost (widen)? */
static bool reads_lost(fctx *f, const ir_expr *x, sc_state *st)
{
    if (!x)
        return false;
    if (x->kind == IR_SYM) {
        const av *v = x->symscope == IR_LOCAL
                          ? state_get(st, f->fr.frame, x->sym)
                          : state_get(st, 0, global_slot(f, x->sym));
        if (v && v->kind == AV_TOP && v->lost)
            return true;
    }
    if (x->kind == IR_MEMBER || x->kind == IR_DEREF || x->kind == IR_INDEX) {
        /* a field a loop widened (the struct's other fields kept) */
        const av *v = facts_eval(&f->fr, x, st);
        if (v && v->kind == AV_TOP && v->lost)
            return true;
    }
    for (uint32_t i = 0; i < x->nkids; i++)
        if (reads_lost(f, x->kids[i], st))
            return true;
    return false;
}

/* decide(), where a test decided by a value the engine lost (one a loop
 * widened, a longjmp may have changed) makes both sides doubtful: either
 * may be a path no run takes.  (A test of an input's unknown is not:
 * some run takes each side.) */
static int decide_doubt(fctx *f, const ir_expr *cond, sc_state *st,
                        const av *v, sc_state **yes, sc_state **no)
{
    bool lost = av_is_lost(v) || reads_lost(f, cond, st);
    int t = decide(f, cond, st, v, yes, no);
    if (t < 0 && lost) {
        if (*yes)
            (*yes)->tainted = true;
        if (*no)
            (*no)->tainted = true;
    }
    return t;
}

static void branch(fctx *f, const ir_expr *cond, sc_states *in,
                   sc_states *yes, sc_states *no, bool *unknown)
{
    for (size_t i = 0; i < in->len; i++) {
        sc_svs v = {0};
        if (cond)
            eval(f, cond, in->items[i], &v);
        else
            push_sv(&v, in->items[i], av_int(f->e, 1));
        for (size_t k = 0; k < v.len; k++) {
            sc_state *y, *n;
            if (decide_doubt(f, cond, v.items[k].st, v.items[k].v, &y, &n) < 0)
                *unknown = true;
            if (y)
                SC_PUSH(*yes, y);
            if (n)
                SC_PUSH(*no, n);
        }
        SC_VEC_FREE(v);
    }
    in->len = 0;
}

/* The frame's variables a loop may write: assigned, incremented,
 * declared in it, or whose address or array storage escapes into it. */
/* What a piece of code writes: the frame's locals (w, n of them) and the
 * unit's globals (gw, gn of them), by assignment, ++/--, or their address
 * handed on (arrays too). */
typedef struct field_write {
    uint32_t slot;
    const char *field;
} field_write;

typedef struct written_set {
    bool *w, *gw;
    uint32_t n, gn;
    /* `s.f = ...` (a field of a local struct, and nothing else of it):
     * only those fields are written */
    SC_VEC(field_write) fields;
    uint32_t after;               /* only writes past this source offset */
    const fctx *f;                /* where calls are looked up */
} written_set;

/* Does x (a function's code) use parameter p other than to read through
 * it (p->a, *p, p[i] as values)?  Storing through it, taking an address
 * below it, handing it on or copying it may write what it points to. */
static bool passes_param(const ir_expr *x, uint32_t p, bool lvalue)
{
    if (!x)
        return false;
    switch (x->kind) {
    case IR_ASSIGN:
        return passes_param(x->kids[0], p, true) ||
               passes_param(x->kids[1], p, false);
    case IR_INCDEC: case IR_ADDR:
        return passes_param(x->kids[0], p, true);
    case IR_MEMBER: case IR_DEREF: case IR_INDEX: {
        const ir_expr *b = x->kids[0];
        while (b->kind == IR_CAST)
            b = b->kids[0];
        bool through = x->kind != IR_MEMBER || x->op == 1;
        if (through && b->kind == IR_SYM && b->symscope == IR_LOCAL &&
            b->sym == p && b->type.kind == IR_T_PTR) {
            if (lvalue)
                return true;
            return x->kind == IR_INDEX && passes_param(x->kids[1], p, false);
        }
        if (passes_param(x->kids[0], p, lvalue))
            return true;
        return x->kind == IR_INDEX && passes_param(x->kids[1], p, false);
    }
    case IR_SYM:
        return x->symscope == IR_LOCAL && x->sym == p;
    default:
        for (uint32_t i = 0; i < x->nkids; i++)
            if (passes_param(x->kids[i], p, false))
                return true;
        return false;
    }
}

static bool stmt_passes_param(const ir_stmt *s, uint32_t p)
{
    if (!s)
        return false;
    if (passes_param(s->e, p, false) || passes_param(s->step, p, false) ||
        stmt_passes_param(s->init, p))
        return true;
    for (uint32_t i = 0; i < s->nbody; i++)
        if (stmt_passes_param(s->body[i], p))
            return true;
    return false;
}

/* May the call x write what its argument k points to?  Not when the
 * callee is the program's own and only reads through that parameter
 * (a helper testing the flags of a struct passed by address). */
static bool call_may_write_arg(const fctx *f, const ir_expr *x, uint32_t k)
{
    if (!x->str || program_library_function(f->in->prog, x->str))
        return true;
    const sc_fn *fn = program_find(f->in->prog, f->fr.unit, x->str);
    if (!fn || !fn->fn->body || k >= fn->fn->nparams)
        return true;
    const ir_sym *ps = &fn->fn->locals[k];
    if (ps->type.kind != IR_T_PTR && ps->type.kind != IR_T_ARRAY)
        return true;
    return stmt_passes_param(fn->fn->body, k);
}

static void mark_written_expr(const ir_expr *x, written_set *ws)
{
    if (!x)
        return;
    const ir_expr *base = NULL;
    if (x->loc.offset < ws->after)
        ;
    else if (x->kind == IR_ASSIGN || x->kind == IR_INCDEC || x->kind == IR_ADDR)
        base = x->kids[0];
    else if (x->kind == IR_SYM && x->type.kind == IR_T_ARRAY)
        base = x;
    if (base && base->kind == IR_MEMBER && base->op == 0 && base->str &&
        base->kids[0]->kind == IR_SYM && base->kids[0]->symscope == IR_LOCAL &&
        base->kids[0]->sym < ws->n && base->type.kind != IR_T_ARRAY) {
        field_write fw = {base->kids[0]->sym, base->str};
        SC_PUSH(ws->fields, fw);
        base = NULL;
    }
    while (base && (base->kind == IR_MEMBER || base->kind == IR_INDEX ||
                    base->kind == IR_CAST))
        base = base->kids[0];
    if (base && base->kind == IR_SYM && base->symscope == IR_LOCAL && base->sym < ws->n)
        ws->w[base->sym] = true;
    if (base && base->kind == IR_SYM && base->symscope == IR_GLOBAL && base->sym < ws->gn)
        ws->gw[base->sym] = true;
    for (uint32_t i = 0; i < x->nkids; i++) {
        const ir_expr *a = x->kids[i];
        while (a && a->kind == IR_CAST)
            a = a->kids[0];
        /* &fl handed to a helper that only reads through it: what the
         * expression inside the & computes is all that may change */
        if (x->kind == IR_CALL && i > 0 && ws->f && a &&
            ((a->kind == IR_ADDR && a->kids[0]->kind == IR_SYM) ||
             (a->kind == IR_SYM && a->type.kind == IR_T_ARRAY)) &&
            !call_may_write_arg(ws->f, x, i - 1))
            continue;
        mark_written_expr(x->kids[i], ws);
    }
}

static void mark_written(const ir_stmt *s, written_set *ws)
{
    if (!s)
        return;
    if (s->kind == IR_S_DECL && s->sym < ws->n && s->loc.offset >= ws->after)
        ws->w[s->sym] = true;
    mark_written_expr(s->e, ws);
    mark_written(s->init, ws);
    mark_written_expr(s->step, ws);
    for (uint32_t i = 0; i < s->nbody; i++)
        mark_written(s->body[i], ws);
}

static written_set written_by(fctx *f, const ir_stmt *s, uint32_t after)
{
    written_set ws = {0};
    ws.after = after;
    ws.f = f;
    ws.n = f->fr.fn->nlocals;
    ws.gn = f->fr.unit->nglobals;
    ws.w = calloc(ws.n + 1, sizeof *ws.w);
    ws.gw = calloc(ws.gn + 1, sizeof *ws.gw);
    if (!ws.w || !ws.gw)
        abort();
    mark_written(s, &ws);
    return ws;
}

static void written_free(written_set *ws)
{
    free(ws->w);
    free(ws->gw);
    SC_VEC_FREE(ws->fields);
}

/* Every variable of the frame (and global of the unit) the code writes
 * becomes unknown; the others keep what the path knows, narrowed by the
 * loop's tests or not (`i < mode` on a later turn says mode >= 2, and so
 * it is on every later one). */
static void widen(fctx *f, sc_state *st, const written_set *ws)
{
    for (uint32_t slot = 0; slot < ws->n; slot++) {
        if (!ws->w[slot])
            continue;
        /* a pointer into an array stays one, at an offset not known */
        const av *w = mem_widened(f->e, state_get(st, f->fr.frame, slot));
        state_set(f->e, st, f->fr.frame, slot,
                  w->kind == AV_TOP ? av_lost(f->e) : w);
    }
    for (uint32_t g = 0; g < ws->gn; g++)
        if (ws->gw[g])
            state_set(f->e, st, 0, global_slot(f, g), av_lost(f->e));
    /* a struct whose fields only are written: those fields */
    for (size_t i = 0; i < ws->fields.len; i++) {
        uint32_t slot = ws->fields.items[i].slot;
        if (ws->w[slot])
            continue;             /* the whole of it, above */
        const av *v = state_get(st, f->fr.frame, slot);
        const char *field = sc_istr(f->e, ws->fields.items[i].field);
        if (!v || v->kind != AV_AGG || !v->names) {
            state_set(f->e, st, f->fr.frame, slot, av_lost(f->e));
            continue;
        }
        const char **names = sc_alloc(&f->e->arena, (v->nfields + 1) * sizeof *names);
        const av **vals = sc_alloc(&f->e->arena, (v->nfields + 1) * sizeof *vals);
        uint32_t n = 0;
        bool found = false;
        for (uint32_t k = 0; k < v->nfields; k++) {
            names[n] = v->names[k];
            vals[n] = v->names[k] == field ? (found = true, av_lost(f->e))
                                           : v->vals[k];
            n++;
        }
        if (!found) {
            names[n] = field;
            vals[n++] = av_lost(f->e);
        }
        state_set(f->e, st, f->fr.frame, slot,
                  av_agg(f->e, n, names, vals, v->zero_rest));
    }
}

/* Could running this code change a graph: a call into the library, into
 * a function of the program that reaches it, or through a function
 * pointer?  (A function the engine cannot see is taken not to call back
 * into the library, as havoc_call takes it.) */
/* a call of the library, of a function that reaches it, or through a
 * pointer */
static bool call_may_touch_graphs(const ir_expr *x, void *ctx)
{
    fctx *f = ctx;
    if (x->kind != IR_CALL)
        return false;
    if (!x->str || program_library_function(f->in->prog, x->str))
        return true;
    const sc_fn *fn = program_find(f->in->prog, f->fr.unit, x->str);
    return fn && fn->reaches;
}

static bool may_touch_graphs(fctx *f, const ir_stmt *s)
{
    return ir_stmt_any(s, call_may_touch_graphs, f);
}

/* The graphs of st after code that may have created anything under any
 * name, any number of times: what they hold stays, what they lack is no
 * longer sure. */
static void forget_graph_contents(sc_engine *e, sc_state *st)
{
    for (uint32_t g = 0; g < st->ngraphs; g++) {
        if (st->graphs[g]->freed)
            continue;
        sc_graph *c = graph_copy(e, st->graphs[g]);
        c->names_unknown = plist_add(e, c->names_unknown, sc_istr(e, ""));
        c->store_unknown = plist_add(e, c->store_unknown, sc_istr(e, ""));
        c->counts_unknown = true;
        state_set_graph(e, st, c);
    }
}

/* A loop left after its first turns (an unknown bound, or the cap): the
 * turns not run are checked once, on the widened states (what the loop
 * writes unknown), so that a failure starting on a later turn still
 * warns.  Nothing found there is sure (that turn may never run): the
 * states are marked doubtful, and what the turn leaves is dropped, the
 * widened states standing for it (unless keep is given: the states that
 * go on to a next turn or leave the loop are put there). */
static void later_turn(fctx *f, const ir_stmt *s, const sc_states *widened,
                       sc_states *keep)
{
    sc_engine *e = f->e;
    sc_states go = {0}, yes = {0}, no = {0}, brk = {0}, cont = {0};
    for (size_t k = 0; k < widened->len; k++) {
        sc_state *c = state_clone(e, widened->items[k]);
        c->tainted = true;
        SC_PUSH(go, c);
    }
    if (s->kind != IR_S_DO) {
        bool unknown = false;
        branch(f, s->e, &go, &yes, &no, &unknown);
        SC_VEC_FREE(go);
        go = yes;
    }
    jumps saved = f->j;
    const sc_iter *saved_iter = f->iter;
    sc_iter *iter = sc_alloc(&e->arena, sizeof *iter);
    iter->loop = s->loc;
    iter->unit = f->fr.unit;
    iter->n = 0;                  /* a turn of unknown number */
    iter->up = saved_iter;
    f->iter = iter;
    f->j.brk = &brk;
    f->j.cont = &cont;
    exec(f, s->body[0], &go);
    append_states(&go, &cont);
    if (s->kind == IR_S_FOR && s->step)
        eval_stmt_expr(f, s->step, &go);
    f->j = saved;
    f->iter = saved_iter;
    if (keep) {
        append_states(keep, &go);
        append_states(keep, &brk);
        append_states(keep, &no);
    }
    SC_VEC_FREE(go);
    SC_VEC_FREE(no);
    SC_VEC_FREE(brk);
    SC_VEC_FREE(cont);
}

/* A later turn run only to see what it changes: nothing said, and the
 * paths it sends to the function's return or to a label dropped. */
static void quiet_turn(fctx *f, const ir_stmt *s, sc_state *from,
                       sc_states *out)
{
    uint32_t nlabels = f->fr.fn->nlabels;
    size_t nret = f->returns.len;
    size_t *nlab = calloc(nlabels + 1, sizeof *nlab);
    if (!nlab)
        abort();
    for (uint32_t l = 0; l < nlabels; l++)
        nlab[l] = f->labels[l].len;
    sc_states one = {0};
    SC_PUSH(one, from);
    f->e->muted++;
    later_turn(f, s, &one, out);
    f->e->muted--;
    SC_VEC_FREE(one);
    f->returns.len = f->retvals.len = f->retlocs.len = nret;
    for (uint32_t l = 0; l < nlabels; l++)
        if (f->labels[l].len > nlab[l])
            f->labels[l].len = nlab[l];
    free(nlab);
}

/* The graphs of a loop's widened state st, made to stand for the state
 * after any number of further turns (widen.h): joined with what a quiet
 * turn leaves until that changes nothing; if it does not settle (a loop
 * making new names of known spelling on every turn) or the budget is
 * spent, forgotten whole.  How many joins it may take: */
#define WIDEN_ROUNDS 4
static void widen_graphs(fctx *f, const ir_stmt *s, sc_state *st)
{
    sc_engine *e = f->e;
    bool settled = false;
    for (int round = 0; round < WIDEN_ROUNDS && !settled; round++) {
        if (over_budget(f->in))
            break;
        sc_states out = {0};
        quiet_turn(f, s, st, &out);
        settled = true;
        for (uint32_t g = 0; g < st->ngraphs; g++) {
            const sc_graph *old = st->graphs[g], *now = old;
            if (old->freed)
                continue;
            for (size_t k = 0; k < out.len; k++) {
                const sc_graph *o = state_graph(out.items[k], old->id);
                if (o && o != now)
                    now = graph_join(e, now, o);
            }
            if (now != old && old->stack &&
                old->stack->kind == SC_ENTRY_UNKNOWN && old->depth == 0) {
                /* an unknown stack already stands for any turn's scopes;
                 * it keeps the enter call it holds (a --strict leak at
                 * vs_graph_free), which a join of depths would drop */
                sc_graph *c = graph_copy(e, now);
                int least = graph_open_at_least(now);
                if (least < old->stack->at_least) {
                    /* ... but not the scopes some turn closed */
                    sc_entry *bottom = sc_alloc(&e->arena, sizeof *bottom);
                    *bottom = *old->stack;
                    bottom->at_least = least;
                    c->stack = bottom;
                } else {
                    c->stack = old->stack;
                }
                c->depth = old->depth;
                c->ns = old->ns;
                c->current = old->current;
                now = c;
            }
            if (!graph_settled(e, old, now)) {
                settled = false;
                state_set_graph(e, st, now);
            }
        }
        SC_VEC_FREE(out);
    }
    if (!settled)
        forget_graph_contents(e, st);
}

/* setjmp returns twice: 0 now, on this state; and again, non-zero, from
 * a longjmp anywhere later (a callee, an error handler), on a state the
 * engine does not follow there.  That second return goes on from this
 * state with what the jump could have changed unknown: the variables the
 * function writes, the unit's integer globals (flags, counters), the
 * graphs' contents and open scopes.  Nothing found on it is sure. */
static void call_setjmp(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out)
{
    sc_engine *e = f->e;
    for (uint32_t g = 0; g < st->ngraphs; g++)
        if (!st->graphs[g]->freed && (!st->graphs[g]->stack ||
                                      st->graphs[g]->stack->kind != SC_ENTRY_UNKNOWN))
            state_set(e, st, 0, SLOT_JMP_DEPTH(st->graphs[g]->id),
                      av_int(e, st->graphs[g]->depth));
    sc_state *again = state_clone(e, st);
    /* (a variable written only before the setjmp keeps its value: one
     * written in a loop around it, before it in the source, is missed) */
    written_set ws = written_by(f, f->fr.fn->body, x->loc.offset);
    for (uint32_t g = 0; g < ws.gn; g++)
        if (f->fr.unit->globals[g].sym.type.kind == IR_T_INT)
            ws.gw[g] = true;
    widen(f, again, &ws);
    written_free(&ws);
    forget_graph_contents(e, again);
    for (uint32_t g = 0; g < again->ngraphs; g++)
        if (!again->graphs[g]->freed)
            state_forget_stack(e, again, again->graphs[g]->id);
    again->tainted = true;
    sc_site at = site_of(f, x->loc);
    sc_unchecked(e, &at, SC_STOP_SETJMP, x->str);
    push_sv(out, st, av_int(e, 0));
    push_sv(out, again, av_range(e, true, 1, false, 0));
}

static void exec_loop(fctx *f, const ir_stmt *s, sc_states *io)
{
    sc_engine *e = f->e;
    const ir_expr *cond = s->e;
    const ir_stmt *body = s->body[0];
    sc_states exits = {0}, brk = {0}, cont = {0}, cur = *io;
    *io = (sc_states){0};
    if (s->kind == IR_S_FOR && s->init)
        exec(f, s->init, &cur);
    jumps saved = f->j;
    const sc_iter *saved_iter = f->iter;
    bool unknown_cond = false;
    written_set written = written_by(f, s, 0);
    /* open-scope depths on entry: a turn that changes one means later
     * turns change it further */
    uint32_t nentry = 0;
    sc_graph_depth *entry = state_depths(cur.len ? cur.items[0] : NULL, &nentry);
    int limit = f->in->loop_unroll > 0 ? f->in->loop_unroll : 4096;
    for (int64_t it = 1; cur.len > 0; it++) {
        sc_states go = {0};
        if (s->kind == IR_S_DO && it == 1) {
            go = cur;
            cur = (sc_states){0};
        } else {
            size_t exited = exits.len;
            branch(f, cond, &cur, &go, &exits, &unknown_cond);
            /* some paths leave and others go on: the trip count depends on
             * what differs between paths (a bound the loop's own tests
             * keep narrowing), so this is an unknown loop too; a constant
             * bound lets every path leave on the same turn */
            if (exits.len > exited && go.len > 0)
                unknown_cond = true;
        }
        if (go.len == 0) {
            SC_VEC_FREE(go);
            break;
        }
        sc_iter *iter = sc_alloc(&e->arena, sizeof *iter);
        iter->loop = s->loc;
        iter->unit = f->fr.unit;
        iter->n = unknown_cond && it > 1 ? 0 : it;
        iter->up = saved_iter;
        f->iter = iter;
        f->j.brk = &brk;
        f->j.cont = &cont;
        size_t broke = brk.len;
        exec(f, body, &go);
        append_states(&go, &cont);
        /* the same through a break (`for (;;) { if (...) break; }`) */
        if (brk.len > broke && go.len > 0)
            unknown_cond = true;
        if (s->kind == IR_S_FOR && s->step)
            eval_stmt_expr(f, s->step, &go);
        normalize(f->in, &go);
        SC_VEC_FREE(cur);
        cur = go;
        bool capped = !unknown_cond && it >= limit;
        if ((unknown_cond && it >= UNKNOWN_TURNS) || it >= limit ||
            stop_for_budget(f, s->loc)) {
            /* the first turns have run: leave with them, standing for
             * every later one too: what the loop changes becomes
             * unknown (its variables, and what it may create in the
             * graphs) */
            bool touches = may_touch_graphs(f, s);
            for (size_t k = 0; k < cur.len; k++) {
                widen(f, cur.items[k], &written);
                for (uint32_t g = 0; g < nentry; g++) {
                    const sc_graph *gr = state_graph(cur.items[k], entry[g].id);
                    if (gr && gr->depth != entry[g].depth)
                        state_forget_stack_from(
                            e, cur.items[k], entry[g].id,
                            gr->depth > entry[g].depth && gr->stack &&
                                    gr->stack->kind != SC_ENTRY_UNKNOWN
                                ? &gr->stack->site
                                : NULL);
                }
                if (touches)
                    widen_graphs(f, s, cur.items[k]);
            }
            if (capped && touches) {
                sc_site at = {s->loc, f->fr.unit, f->chain, saved_iter};
                sc_unchecked(e, &at, SC_STOP_LOOP_CAP, NULL);
            }
            if (!over_budget(f->in))
                later_turn(f, s, &cur, NULL);
            append_states(&exits, &cur);
            break;
        }
    }
    f->j = saved;
    f->iter = saved_iter;
    free(entry);
    written_free(&written);
    SC_VEC_FREE(cur);
    SC_VEC_FREE(cont);
    append_states(&exits, &brk);
    SC_VEC_FREE(brk);
    normalize(f->in, &exits);
    *io = exits;
}

static void exec_switch(fctx *f, const ir_stmt *s, sc_states *io)
{
    sc_engine *e = f->e;
    const ir_stmt *body = s->body[0];
    const ir_stmt *const *items = body && body->kind == IR_S_BLOCK
                                      ? (const ir_stmt *const *)body->body
                                      : &body;
    uint32_t n = body && body->kind == IR_S_BLOCK ? body->nbody : 1;
    sc_states *entering = calloc(n + 1, sizeof *entering);
    sc_states none = {0};             /* no case matched, no default */
    int dflt = -1;
    const ir_expr **tests = calloc(n + 1, sizeof *tests);
    for (uint32_t i = 0; i < n; i++) {
        if (items[i] && items[i]->kind == IR_S_CASE && items[i]->op == 1)
            dflt = (int)i;
        else if (items[i] && items[i]->kind == IR_S_CASE)
            tests[i] = facts_case_test(&f->in->facts, items[i], s->e, items[i]->ival);
    }
    for (size_t k = 0; k < io->len; k++) {
        sc_svs v = {0};
        eval(f, s->e, io->items[k], &v);
        for (size_t m = 0; m < v.len; m++) {
            const av *val = v.items[m].v;
            if (val->kind == AV_INT) {
                int hit = -1;
                for (uint32_t i = 0; i < n && hit < 0; i++)
                    if (items[i] && items[i]->kind == IR_S_CASE &&
                        items[i]->op != 1 && items[i]->ival == val->i)
                        hit = (int)i;
                if (hit < 0)
                    hit = dflt;
                if (hit >= 0)
                    SC_PUSH(entering[hit], v.items[m].st);
                else
                    SC_PUSH(none, v.items[m].st);
            } else {
                bool hl = false, hh = false;
                int64_t lo = 0, hi = 0;
                if (val->kind == AV_TOP) {
                    hl = val->has_lo;
                    hh = val->has_hi;
                    lo = val->lo;
                    hi = val->hi;
                }
                /* default is entered directly only if some value of the
                 * range has no case */
                bool covered = hl && hh && hi - lo < 4096;
                for (int64_t v = lo; covered && v <= hi; v++) {
                    bool has = false;
                    for (uint32_t i = 0; i < n && !has; i++)
                        has = items[i] && items[i]->kind == IR_S_CASE &&
                              items[i]->op != 1 && items[i]->ival == v;
                    covered = has;
                }
                for (uint32_t i = 0; i < n; i++)
                    if (items[i] && items[i]->kind == IR_S_CASE &&
                        (items[i]->op == 1 ? !covered
                                           : ((!hl || items[i]->ival >= lo) &&
                                              (!hh || items[i]->ival <= hi)))) {
                        sc_state *c = state_clone(e, v.items[m].st);
                        if (tests[i] ? !facts_assume_case(&f->fr, tests[i], c)
                                     : !facts_assume_no_case(&f->fr, tests, n, c))
                            continue;     /* a case this path cannot take */
                        SC_PUSH(entering[i], c);
                    }
                if (dflt < 0 && !covered && facts_assume_no_case(&f->fr, tests, n, v.items[m].st))
                    SC_PUSH(none, v.items[m].st);
            }
        }
        SC_VEC_FREE(v);
    }
    SC_VEC_FREE(*io);
    sc_states brk = {0}, cur = {0};
    jumps saved = f->j;
    f->j.brk = &brk;
    for (uint32_t i = 0; i < n; i++) {
        if (!items[i])
            continue;
        if (items[i]->kind == IR_S_CASE) {
            append_states(&cur, &entering[i]);
            normalize(f->in, &cur);
            continue;
        }
        exec(f, items[i], &cur);
    }
    f->j = saved;
    append_states(&cur, &brk);
    append_states(&cur, &none);
    for (uint32_t i = 0; i <= n; i++)
        SC_VEC_FREE(entering[i]);
    free(entering);
    free(tests);
    SC_VEC_FREE(brk);
    SC_VEC_FREE(none);
    normalize(f->in, &cur);
    *io = cur;
}

static void exec_items(fctx *f, const ir_stmt *s, uint32_t from, sc_states *io)
{
    for (uint32_t i = from; i < s->nbody; i++) {
        const ir_stmt *k = s->body[i];
        if (!k)
            continue;
        if (k->kind == IR_S_LABEL && k->label < f->fr.fn->nlabels) {
            append_states(io, &f->labels[k->label]);
            normalize(f->in, io);
            continue;
        }
        if (io->len == 0 && !(k->kind == IR_S_CASE))
            continue;             /* unreachable, until a label */
        exec(f, k, io);
    }
}

/* The first label of the block that paths jumped back to (a goto after
 * it in the source, run after the label was passed); -1 if none. */
static int64_t jumped_back(fctx *f, const ir_stmt *s)
{
    for (uint32_t i = 0; i < s->nbody; i++) {
        const ir_stmt *k = s->body[i];
        if (k && k->kind == IR_S_LABEL && k->label < f->fr.fn->nlabels &&
            f->labels[k->label].len > 0)
            return i;
    }
    return -1;
}

/* A block runs its statements in order; a backward goto to one of its
 * labels (a loop made of gotos) runs the block again from that label,
 * turn by turn as C does, up to BACK_TURNS; past them, as for a loop
 * past its cap: what the statements from the label on write is lost,
 * the graphs may hold anything more, and one more run from the label on
 * those states is doubtful (findings only "could fail"), its jumps back
 * no longer followed. */
#define BACK_TURNS 64
static void exec_block(fctx *f, const ir_stmt *s, sc_states *io)
{
    sc_engine *e = f->e;
    exec_items(f, s, 0, io);
    if (f->fr.fn->nlabels == 0)
        return;
    int64_t j = jumped_back(f, s);
    if (j < 0)
        return;
    sc_states out = *io;
    *io = (sc_states){0};
    for (int turn = 1; j >= 0; turn++) {
        const ir_stmt *lab = s->body[j];
        sc_states cur = {0};
        if (turn > BACK_TURNS || over_budget(f->in)) {
            written_set ws = written_by(f, NULL, 0);
            bool touches = false;
            for (uint32_t i = (uint32_t)j; i < s->nbody; i++) {
                mark_written(s->body[i], &ws);
                touches = touches || may_touch_graphs(f, s->body[i]);
            }
            sc_states *pending = &f->labels[lab->label];
            for (size_t k = 0; k < pending->len; k++) {
                sc_state *st = pending->items[k];
                widen(f, st, &ws);
                if (touches) {
                    forget_graph_contents(e, st);
                    for (uint32_t g = 0; g < st->ngraphs; g++) {
                        const sc_graph *gr = st->graphs[g];
                        if (gr->freed)
                            continue;
                        state_forget_stack_from(
                            e, st, gr->id,
                            gr->stack && gr->stack->kind != SC_ENTRY_UNKNOWN
                                ? &gr->stack->site
                                : NULL);
                    }
                }
                st->tainted = true;
            }
            written_free(&ws);
            sc_site at = site_of(f, lab->loc);
            sc_unchecked(e, &at, SC_STOP_LOOP_CAP, NULL);
            exec_items(f, s, (uint32_t)j, &cur);
            append_states(&out, &cur);
            SC_VEC_FREE(cur);
            /* no more turns: what jumps back again is dropped */
            for (uint32_t i = 0; i < s->nbody; i++) {
                const ir_stmt *k = s->body[i];
                if (k && k->kind == IR_S_LABEL && k->label < f->fr.fn->nlabels)
                    f->labels[k->label].len = 0;
            }
            break;
        }
        exec_items(f, s, (uint32_t)j, &cur);
        append_states(&out, &cur);
        SC_VEC_FREE(cur);
        normalize(f->in, &out);
        j = jumped_back(f, s);
    }
    normalize(f->in, &out);
    SC_VEC_FREE(*io);
    *io = out;
}

static void exec(fctx *f, const ir_stmt *s, sc_states *io)
{
    sc_engine *e = f->e;
    if (!s || io->len == 0)
        return;
    f->in->steps++;
    if (over_budget(f->in)) {
        stop_run_for_budget(f, s, io);
        return;
    }
    switch (s->kind) {
    case IR_S_EXPR:
        eval_stmt_expr(f, s->e, io);
        return;
    case IR_S_DECL: {
        const ir_sym *sym = &f->fr.fn->locals[s->sym];
        if (s->e) {
            sc_states out = {0};
            for (size_t i = 0; i < io->len; i++) {
                sc_svs v = {0};
                eval(f, s->e, io->items[i], &v);
                for (size_t k = 0; k < v.len; k++) {
                    const av *val = v.items[k].v;
                    /* char buf[N] = "x": the array holds the text, and
                     * zeros past it */
                    if (sym->type.kind == IR_T_ARRAY && val->kind == AV_STR &&
                        !val->open && s->e->kind == IR_STR)
                        val = mem_chars(e, val->s, strlen(val->s) + 1,
                                        sym->type.array_len);
                    if (sym->type.kind == IR_T_INT)
                        val = facts_bind_value(&f->fr, s->e, v.items[k].st, val);
                    state_set(e, v.items[k].st, f->fr.frame, s->sym, val);
                    SC_PUSH(out, v.items[k].st);
                }
                SC_VEC_FREE(v);
            }
            SC_VEC_FREE(*io);
            *io = out;
            normalize(f->in, io);
        } else {
            for (size_t i = 0; i < io->len; i++)
                state_set(e, io->items[i], f->fr.frame, s->sym, av_top());
        }
        return;
    }
    case IR_S_BLOCK:
        exec_block(f, s, io);
        return;
    case IR_S_IF: {
        sc_states yes = {0}, no = {0};
        bool unknown = false;
        branch(f, s->e, io, &yes, &no, &unknown);
        exec(f, s->body[0], &yes);
        if (s->nbody > 1)
            exec(f, s->body[1], &no);
        SC_VEC_FREE(*io);
        append_states(&yes, &no);
        SC_VEC_FREE(no);
        normalize(f->in, &yes);
        *io = yes;
        return;
    }
    case IR_S_WHILE: case IR_S_DO: case IR_S_FOR:
        exec_loop(f, s, io);
        return;
    case IR_S_SWITCH:
        exec_switch(f, s, io);
        return;
    case IR_S_CASE: case IR_S_NOP: case IR_S_LABEL:
        return;
    case IR_S_BREAK:
        if (f->j.brk)
            append_states(f->j.brk, io);
        io->len = 0;
        return;
    case IR_S_CONTINUE:
        if (f->j.cont)
            append_states(f->j.cont, io);
        io->len = 0;
        return;
    case IR_S_RETURN: {
        for (size_t i = 0; i < io->len; i++) {
            sc_svs v = {0};
            if (s->e)
                eval(f, s->e, io->items[i], &v);
            else
                push_sv(&v, io->items[i], av_top());
            for (size_t k = 0; k < v.len; k++) {
                SC_PUSH(f->returns, v.items[k].st);
                SC_PUSH(f->retvals, v.items[k].v);
                SC_PUSH(f->retlocs, s->loc);
            }
            SC_VEC_FREE(v);
        }
        io->len = 0;
        return;
    }
    case IR_S_GOTO:
        /* forward gotos (the label comes later in the source) join the
         * label; a backward one too, and the block holding the label
         * runs again from it (exec_block) */
        if (s->label < f->fr.fn->nlabels)
            append_states(&f->labels[s->label], io);
        io->len = 0;
        return;
    }
}

/* ---- functions ---- */

static void find_labels(const ir_stmt *s, uint32_t *offset, uint32_t n)
{
    if (!s)
        return;
    if (s->kind == IR_S_LABEL && s->label < n)
        offset[s->label] = s->loc.offset;
    find_labels(s->init, offset, n);
    for (uint32_t i = 0; i < s->nbody; i++)
        find_labels(s->body[i], offset, n);
}

/* Runs fn's body on st (whose top frame holds the arguments); returns the
 * (state, return value) pairs with the frame popped. */
static void run_function(sc_interp *in, const sc_fn *fn, sc_state *st,
                         const fctx *caller, const ir_expr *call,
                         const av **args, uint32_t nargs,
                         const sc_chain *chain, int depth, sc_svs *out)
{
    sc_engine *e = in->e;
    fctx f = {0};
    f.in = in;
    f.e = e;
    f.fr.e = e;
    f.fr.prog = in->prog;
    f.fr.facts = &in->facts;
    f.fr.caller = caller ? &caller->fr : NULL;
    f.fr.call = call;
    f.fr.unit = fn->unit;
    f.fr.fn = fn->fn;
    f.fr.frame = st->nframes - 1;
    facts_enter(&f.fr, st, args, nargs);
    f.chain = chain;
    f.depth = depth;
    f.labels = calloc(fn->fn->nlabels + 1, sizeof *f.labels);
    f.label_offset = calloc(fn->fn->nlabels + 1, sizeof *f.label_offset);
    find_labels(fn->fn->body, f.label_offset, fn->fn->nlabels);
    /* graphs created inside have no entry depth: only those known before */
    uint32_t nentry = 0;
    sc_graph_depth *entry = state_depths(st, &nentry);
    sc_states body = {0};
    SC_PUSH(body, st);
    size_t saved_cap = in->max_states;
    in->max_states = cap_at(depth, fn);
    exec(&f, fn->fn->body, &body);
    in->max_states = saved_cap;
    for (size_t i = 0; i < body.len; i++) {     /* falling off the end */
        SC_PUSH(f.returns, body.items[i]);
        SC_PUSH(f.retvals, av_top());
        SC_PUSH(f.retlocs, fn->fn->end_loc);
    }
    SC_VEC_FREE(body);
    sc_fn_exit exit = {fn, chain, entry, nentry, f.returns.items,
                       f.retlocs.items, f.returns.len};
    if (!in->e->muted)
        checkers_end_function(in->checkers, &exit);
    for (size_t i = 0; i < f.returns.len; i++) {
        sc_state *r = f.returns.items[i];
        state_pop_frame(r);       /* the callee's frame */
        push_sv(out, r, f.retvals.items[i]);
    }
    free(entry);
    for (uint32_t l = 0; l <= fn->fn->nlabels; l++) {
        if (f.labels[l].len > 0) {
            /* paths jumped to a label whose block no longer runs */
            sc_site at = {fn->fn->loc, fn->unit, chain, NULL};
            sc_unchecked(e, &at, SC_STOP_JUMP, "a goto back into a block that has ended");
        }
        SC_VEC_FREE(f.labels[l]);
    }
    free(f.labels);
    free(f.label_offset);
    SC_VEC_FREE(f.returns);
    SC_VEC_FREE(f.retvals);
    SC_VEC_FREE(f.retlocs);
}

/* Joins return pairs that have the same state key (values joined). */
static void normalize_pairs(sc_interp *in, sc_svs *v)
{
    if (v->len <= 1)
        return;
    sc_state **sts = sc_xmalloc(v->len * sizeof *sts);
    const av **vals = sc_xmalloc(v->len * sizeof *vals);
    for (size_t i = 0; i < v->len; i++) {
        sts[i] = v->items[i].st;
        vals[i] = v->items[i].v;
    }
    merge_states(in, sts, vals, &v->len);
    for (size_t i = 0; i < v->len; i++) {
        v->items[i].st = sts[i];
        v->items[i].v = vals[i];
    }
    free(sts);
    free(vals);
}

static void call_user(fctx *f, const sc_fn *fn, const ir_expr *call,
                      ir_loc loc, sc_state *st, const av **args,
                      uint32_t nargs, sc_svs *out)
{
    sc_engine *e = f->e;
    int count;
    int max_depth = f->in->call_depth > 0 ? f->in->call_depth : SC_CALL_DEPTH;
    on_chain(f->chain, fn->fn->name, &count);
    bool too_deep = f->depth >= max_depth;
    if (too_deep || stop_for_budget(f, loc)) {
        /* not followed: what it could change is unknown, and what
         * follows is not sure */
        if (too_deep) {
            sc_site at = site_of(f, loc);
            sc_unchecked(e, &at, count > 0 ? SC_STOP_RECURSION
                                           : SC_STOP_CALL_DEPTH,
                         fn->fn->name);
        }
        havoc_everything(f, st);
        havoc_call(f, st, args, nargs);
        not_followed(f, st, loc);
        push_sv(out, st, av_top());
        return;
    }
    sc_chain *c = sc_alloc(&e->arena, sizeof *c);
    c->call = loc;
    c->unit = f->fr.unit;
    c->callee = fn->fn->name;
    c->up = f->chain;
    /* push a frame holding the parameters, and past the locals the
     * variadic arguments (va_start reads them) */
    state_push_frame(e, st);
    for (uint32_t i = 0; i < fn->fn->nparams && i < nargs; i++)
        state_set(e, st, st->nframes - 1, i, args[i]);
    if (nargs > fn->fn->nparams) {
        uint32_t nva = nargs - fn->fn->nparams;
        const av **va = sc_alloc(&e->arena, nva * sizeof *va);
        memcpy(va, args + fn->fn->nparams, nva * sizeof *va);
        state_set(e, st, st->nframes - 1, fn->fn->nlocals,
                  av_agg(e, nva, NULL, va, false));
    }
    sc_svs res = {0};
    run_function(f->in, fn, st, f, call, args, nargs, c, f->depth + 1, &res);
    normalize_pairs(f->in, &res);
    for (size_t i = 0; i < res.len; i++)
        SC_PUSH(*out, res.items[i]);
    SC_VEC_FREE(res);
}

/* ---- entry points ---- */

static void init_globals(sc_interp *in, sc_state *st, ir_unit *const *units,
                         size_t nunits)
{
    sc_engine *e = in->e;
    for (size_t u = 0; u < nunits; u++) {
        const ir_unit *unit = units[u];
        fctx f = {0};
        f.in = in;
        f.e = e;
        f.fr.e = e;
        f.fr.prog = in->prog;
        f.fr.facts = &in->facts;
        f.fr.unit = unit;
        for (uint32_t i = 0; i < unit->nglobals; i++) {
            const ir_global *g = &unit->globals[i];
            uint32_t slot = global_slot(&f, i);
            const av *v = av_top();
            if (g->init) {
                sc_svs out = {0};
                eval(&f, g->init, st, &out);
                if (out.len == 1)
                    v = out.items[0].v;
                SC_VEC_FREE(out);
            } else if (!g->is_extern) {
                switch (g->sym.type.kind) {
                case IR_T_INT: v = av_int(e, 0); break;
                case IR_T_PTR: v = av_null(); break;
                case IR_T_STRUCT: {
                    /* all zeros: a struct with no field listed */
                    static const char *no_names[1];
                    v = av_agg(e, 0, no_names, NULL, true);
                    break;
                }
                case IR_T_ARRAY:
                    v = g->sym.type.name && strcmp(g->sym.type.name, "char") == 0
                            ? mem_chars(e, "", 0, -1)
                            : av_agg(e, 0, NULL, NULL, true);
                    break;
                default: break;
                }
            }
            if (g->is_extern && state_get(st, 0, slot)->kind != AV_TOP)
                continue;         /* defined elsewhere */
            state_set(e, st, 0, slot, v);
        }
    }
    /* an integer declared extern and defined in no unit: code the engine
     * cannot see defines it (and may set it), so what a test of it
     * decides is not an input's: paths that read it are doubtful */
    bool *defined = calloc(in->prog->nglobal_slots + 1, sizeof *defined);
    if (!defined)
        abort();
    for (size_t u = 0; u < nunits; u++)
        for (uint32_t i = 0; i < units[u]->nglobals; i++)
            if (!units[u]->globals[i].is_extern)
                defined[program_global_slot(in->prog, units[u], i)] = true;
    for (size_t u = 0; u < nunits; u++)
        for (uint32_t i = 0; i < units[u]->nglobals; i++) {
            const ir_global *g = &units[u]->globals[i];
            uint32_t slot = program_global_slot(in->prog, units[u], i);
            if (!g->is_extern || defined[slot] || g->sym.type.kind != IR_T_INT ||
                state_get(st, 0, slot) != av_top())
                continue;
            av *v = (av *)av_unknown(e);
            v->unseen = true;
            state_set(e, st, 0, slot, v);
        }
    free(defined);
}

/* The functions the C runtime calls before main (constructors, in the
 * program's order) or after it (destructors, last first), run on each
 * of sts. */
static void run_runtime_hooks(sc_interp *in, bool before_main, sc_states *sts)
{
    const sc_program *p = in->prog;
    for (size_t k = 0; k < p->nfns; k++) {
        const sc_fn *fn = &p->fns[before_main ? k : p->nfns - 1 - k];
        if (before_main ? !fn->fn->is_constructor : !fn->fn->is_destructor)
            continue;
        sc_states next = {0};
        for (size_t i = 0; i < sts->len; i++) {
            sc_svs out = {0};
            state_push_frame(in->e, sts->items[i]);
            run_function(in, fn, sts->items[i], NULL, NULL, NULL, 0, NULL, 0, &out);
            for (size_t r = 0; r < out.len; r++)
                SC_PUSH(next, out.items[r].st);
            SC_VEC_FREE(out);
        }
        SC_VEC_FREE(*sts);
        *sts = next;
        normalize(in, sts);
    }
}

static void run_entry_from(sc_interp *in, const sc_fn *fn, sc_state *st,
                           sc_svs *res);

void interp_run_entry(sc_interp *in, const sc_fn *fn, ir_unit *const *units,
                      size_t nunits)
{
    sc_engine *e = in->e;
    sc_state *st0 = state_new(e);
    init_globals(in, st0, units, nunits);
    bool is_main = strcmp(fn->fn->name, "main") == 0;
    sc_states starts = {0};
    SC_PUSH(starts, st0);
    in->steps = 0;
    in->budget_said = false;
    in->budget_muted = false;
    e->uncalled_entry = !is_main;
    if (is_main)
        run_runtime_hooks(in, true, &starts);
    sc_svs res = {0};
    for (size_t s = 0; s < starts.len; s++)
        run_entry_from(in, fn, starts.items[s], &res);
    SC_VEC_FREE(starts);
    if (is_main) {
        /* main returns: the atexit handlers run, then the destructors,
         * then the program ends */
        fctx top = {0};
        top.in = in;
        top.e = e;
        top.fr.e = e;
        top.fr.prog = in->prog;
        top.fr.facts = &in->facts;
        top.fr.unit = fn->unit;
        top.fr.fn = fn->fn;
        sc_states ends = {0};
        for (size_t i = 0; i < res.len; i++)
            SC_PUSH(ends, res.items[i].st);
        run_atexit(&top, fn->fn->end_loc, &ends);
        run_runtime_hooks(in, false, &ends);
        sc_site end = {fn->fn->end_loc, fn->unit, NULL, NULL};
        for (size_t i = 0; i < ends.len; i++)
            checkers_end_program(in->checkers, ends.items[i], &end);
        SC_VEC_FREE(ends);
    }
    if (in->budget_muted && !in->budget_said) {
        /* it ran out in a muted turn and nothing later said so */
        sc_site at = {in->budget_loc, in->budget_unit, NULL, NULL};
        sc_unchecked(e, &at, SC_STOP_BUDGET, NULL);
    }
    e->uncalled_entry = false;
    SC_VEC_FREE(res);
}

/* The entry point fn run on st (the globals' state), its ends to res. */
static void run_entry_from(sc_interp *in, const sc_fn *fn, sc_state *st,
                           sc_svs *res)
{
    sc_engine *e = in->e;
    state_push_frame(e, st);      /* frame 1: the entry point's */
    bool is_main = strcmp(fn->fn->name, "main") == 0;
    /* An entry point other than main is analysed as if it were called
     * with a new graph for each vs_graph * parameter. */
    for (uint32_t i = 0; i < fn->fn->nparams; i++) {
        const ir_sym *p = &fn->fn->locals[i];
        const av *v = av_top();
        if (is_main && i == 0 && p->type.kind == IR_T_INT)
            v = av_range(e, true, 1, false, 0);   /* argc: argv[0] is there */
        if (!is_main && p->type.kind == IR_T_PTR && p->type.name &&
            strcmp(p->type.name, "vs_graph") == 0) {
            sc_svs out = {0};
            sc_site site = {fn->fn->loc, fn->unit, NULL, NULL};
            model_call(e, VS_FN_vs_graph_new, st, NULL, 0, &site, &out);
            if (out.len == 1) {
                st = out.items[0].st;
                v = out.items[0].v;
            }
            SC_VEC_FREE(out);
        }
        state_set(e, st, 1, i, v);
    }
    run_function(in, fn, st, NULL, NULL, NULL, 0, NULL, 0, res);
}
