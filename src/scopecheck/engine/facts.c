/* Path facts (see facts.h). */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "mem.h"

void facts_init(sc_facts *fx, sc_engine *e)
{
    memset(fx, 0, sizeof *fx);
    fx->e = e;
    fx->edit = sc_new_edit_for(e, fx);
}

static const av FACT_TRUTHY = {.kind = AV_TOP};   /* nonzero, value unknown */

/* A key is never 0 (no fact); bit 0 is left to expression keys
 * (expr_key). */
static uint64_t mix(uint64_t a, uint64_t b)
{
    uint64_t h = pm_hash_int(a * 0x9E3779B97F4A7C15ull ^ b);
    return (h & 0x7FFFFFFFFFFFFFFEull) | 2;
}

static bool is_atoi(const ir_expr *x)
{
    return x->kind == IR_CALL && x->str && x->nkids == 2 &&
           (strcmp(x->str, "atoi") == 0 || strcmp(x->str, "atol") == 0 ||
            strcmp(x->str, "atoll") == 0);
}

static void learn(const sc_frame *fr, const ir_expr *x, sc_state *st, int truth);

/* the truth of a pure test on this path: 1, 0, or -1 */
static int cond_truth(const sc_frame *fr, const ir_expr *x, const sc_state *st)
{
    const av *v = facts_eval(fr, x, st);
    int t = v ? av_truth(v) : -1;
    return t >= 0 ? t : facts_truth(fr, x, st);
}

static uint64_t fact_key(const sc_frame *fr, const ir_expr *x, const sc_state *st);

/* the key of `a op b` from its operands' keys (op not > or >=) */
static uint64_t op_key(int op, uint64_t a, uint64_t b)
{
    bool commutes = op == IR_ADD || op == IR_MUL || op == IR_EQ ||
                    op == IR_NE || op == IR_BITAND || op == IR_BITOR ||
                    op == IR_BITXOR || op == IR_LAND || op == IR_LOR;
    if (commutes && a > b) {
        uint64_t t = a;
        a = b;
        b = t;
    }
    return mix(mix(mix(4, (uint64_t)op), a), b);
}

static bool is_int(const ir_expr *x, int64_t v)
{
    return x->kind == IR_INT && x->ival == v;
}

/* A test's key is its shape, up to what spelling does not change: an
 * operand that leaves the other as it is (x + 0, x * 1, x | 0, ...), the
 * order of a commutative operator's operands, and a > b written b < a;
 * so `argc % 3 + 0 == 1` and `1 == argc % 3` are the test
 * `argc % 3 == 1`. */
static uint64_t binop_key(const sc_frame *fr, const ir_expr *x, const sc_state *st)
{
    const ir_expr *l = x->kids[0], *r = x->kids[1];
    int op = x->op;
    switch (op) {
    case IR_ADD: case IR_BITOR: case IR_BITXOR:
        if (is_int(l, 0))
            return fact_key(fr, r, st);
        /* fall through */
    case IR_SUB: case IR_SHL: case IR_SHR:
        if (is_int(r, 0))
            return fact_key(fr, l, st);
        break;
    case IR_MUL:
        if (is_int(l, 1))
            return fact_key(fr, r, st);
        /* fall through */
    case IR_DIV:
        if (is_int(r, 1))
            return fact_key(fr, l, st);
        break;
    case IR_GT: case IR_GE:
        op = op == IR_GT ? IR_LT : IR_LE;
        l = x->kids[1];
        r = x->kids[0];
        break;
    default:
        break;
    }
    uint64_t a = fact_key(fr, l, st);
    uint64_t b = a ? fact_key(fr, r, st) : 0;
    return b ? op_key(op, a, b) : 0;
}

/* ---- places: a field, an element, *p (mem.h) ---- */

static const av *place_of(const sc_frame *fr, const ir_expr *x,
                          const sc_state *st);

/* The value of x used as a pointer (an array decays), or NULL. */
static const av *pointer_value(const sc_frame *fr, const ir_expr *x,
                               const sc_state *st)
{
    if (x->type.kind == IR_T_ARRAY) {
        const av *p = place_of(fr, x, st);
        return p ? mem_decay(fr->e, p) : NULL;
    }
    return facts_eval(fr, x, st);
}

/* The place the pure lvalue x names, as a pointer into the program's
 * variables, or NULL (not pure, or not a place the engine follows). */
static const av *place_of(const sc_frame *fr, const ir_expr *x,
                          const sc_state *st)
{
    const av *b, *i, *r = NULL;
    switch (x->kind) {
    case IR_SYM:
        return av_ref(fr->e, x->symscope == IR_LOCAL ? fr->frame : 0,
                      x->symscope == IR_LOCAL ? x->sym
                                              : frame_global_slot(fr, x->sym));
    case IR_CAST:
        return place_of(fr, x->kids[0], st);
    case IR_MEMBER:
        b = x->op == 1 ? pointer_value(fr, x->kids[0], st)
                       : place_of(fr, x->kids[0], st);
        if (b && b->kind == AV_REF && !b->maybe_null)
            r = mem_member(fr->e, b, sc_istr(fr->e, x->str));
        break;
    case IR_DEREF:
        r = pointer_value(fr, x->kids[0], st);
        break;
    case IR_INDEX:
        b = pointer_value(fr, x->kids[0], st);
        i = b && b->kind == AV_REF ? facts_eval(fr, x->kids[1], st) : NULL;
        if (i && !b->maybe_null)
            r = mem_add(fr->e, b, i);
        break;
    default:
        break;
    }
    return r && r->kind == AV_REF && !r->maybe_null ? r : NULL;
}

/* What the place x names holds, for a field, an element or *p of an
 * integer or a pointer type; NULL when x is not such a place. */
static const av *place_value(const sc_frame *fr, const ir_expr *x,
                             const sc_state *st)
{
    if ((x->kind != IR_MEMBER && x->kind != IR_DEREF && x->kind != IR_INDEX) ||
        (x->type.kind != IR_T_INT && x->type.kind != IR_T_PTR))
        return NULL;
    const av *p = place_of(fr, x, st);
    return p ? mem_peek(fr->e, st, p) : NULL;
}

/* The key of the run-time value v stands for (a variable's, or a
 * field's: the same object read twice is one value). */
static uint64_t value_key(const sc_frame *fr, const av *v)
{
    const av *id = av_ident(v);
    const void *k = pm_get(fr->facts->value_keys, id,
                           pm_hash_int((uint64_t)(uintptr_t)id));
    if (k)
        return (uint64_t)(uintptr_t)k;
    /* a field of an unknown struct: keyed as `s.field` is (fact_key),
     * so that a test made through one copy of the struct (a helper's
     * parameter) is known through the others (the caller's, where the
     * field was never read, and the next helper's) */
    const mem_origin *o = mem_derived_from(fr->e, id);
    if (o)
        return mix(mix(5, value_key(fr, o->of)), (uint64_t)(uintptr_t)o->field);
    return mix(2, (uint64_t)(uintptr_t)id);
}

/* An unknown that is one run-time value (not the shared singleton). */
static bool one_value(const av *v)
{
    return v && v->kind == AV_TOP && v != av_top();
}

static uint64_t fact_key(const sc_frame *fr, const ir_expr *x, const sc_state *st)
{
    uint64_t a, b;
    switch (x->kind) {
    case IR_INT:
        return mix(1, (uint64_t)x->ival);
    case IR_NULL:
        return mix(1, 0);         /* NULL and 0 compare alike */
    case IR_SYM: {
        if (x->type.kind == IR_T_ARRAY)
            return 0;
        uint32_t frame = x->symscope == IR_LOCAL ? fr->frame : 0;
        uint32_t slot = x->symscope == IR_LOCAL ? x->sym
                                                : frame_global_slot(fr, x->sym);
        const av *v = state_get(st, frame, slot);
        if (v == av_top())
            return 0;
        return value_key(fr, v);
    }
    case IR_CAST:
        return fact_key(fr, x->kids[0], st);
    case IR_UNOP:
        a = fact_key(fr, x->kids[0], st);
        return a ? mix(mix(3, (uint64_t)x->op), a) : 0;
    case IR_BINOP:
        return binop_key(fr, x, st);
    case IR_DEREF:
        if (one_value(place_value(fr, x, st)))
            return value_key(fr, place_value(fr, x, st));
        return 0;
    case IR_MEMBER:
        /* a field read twice (here and in another helper, through a
         * pointer to the struct) is the one value stored there */
        if (one_value(place_value(fr, x, st)))
            return value_key(fr, place_value(fr, x, st));
        if (x->op == 1)
            return 0;
        a = fact_key(fr, x->kids[0], st);
        return a ? mix(mix(5, a), (uint64_t)(uintptr_t)sc_istr(fr->e, x->str)) : 0;
    case IR_INDEX:
        if (one_value(place_value(fr, x, st)))
            return value_key(fr, place_value(fr, x, st));
        /* s[i] through a pointer variable: the text it points to (argv,
         * getenv) is taken not to change under it */
        if (x->kids[0]->kind != IR_SYM || x->kids[0]->type.kind != IR_T_PTR)
            return 0;
        a = fact_key(fr, x->kids[0], st);
        b = a ? fact_key(fr, x->kids[1], st) : 0;
        return b ? mix(mix(7, a), b) : 0;
    case IR_COND: {
        /* a ?: whose test this path decides is the arm it picks */
        int t = cond_truth(fr, x->kids[0], st);
        return t < 0 ? 0 : fact_key(fr, x->kids[t ? 1 : 2], st);
    }
    case IR_CALL:
        /* atoi(s): what the text says does not change under it */
        if (is_atoi(x)) {
            a = fact_key(fr, x->kids[1], st);
            return a ? mix(8, a) : 0;
        }
        return 0;
    default:
        return 0;
    }
}

/* The frame's record of what its parameter i still stands for: the
 * argument's value, as the path has narrowed it. */
static uint64_t arg_key(uint32_t i)
{
    return mix(10, i);
}

/* Parameter i still holds what the call passed (narrowed or not). */
static bool holds_argument(const sc_frame *fr, const sc_state *st, uint32_t i)
{
    return state_get(st, fr->frame, i) == state_get_fact(st, fr->frame, arg_key(i));
}

/* True if a test known to have the value `old` cannot now have `v`. */
static bool clashes(const av *old, const av *v)
{
    bool hl, hh;
    int64_t lo, hi;
    if (old == &FACT_TRUTHY)
        return v->kind == AV_INT && v->i == 0;
    if (old->kind == AV_INT) {
        if (v == &FACT_TRUTHY)
            return old->i == 0;
        if (v->kind == AV_INT)
            return v->i != old->i;
        return v->kind == AV_TOP && av_bounds(v, &hl, &lo, &hh, &hi) &&
               ((hl && old->i < lo) || (hh && old->i > hi));
    }
    return v->kind == AV_INT && old->kind == AV_TOP &&
           av_bounds(old, &hl, &lo, &hh, &hi) &&
           ((hl && v->i < lo) || (hh && v->i > hi));
}

/* Writes a fact.  A path that learns the opposite of what it knew (the
 * caller tested argc % 3 == 1 false, and the helper it called with
 * argc % 3 finds mode == 1) is one no run takes: facts_learn() reads the
 * flag. */
static void put_fact(const sc_frame *fr, sc_state *st, uint32_t frame, uint64_t key,
                     const av *v)
{
    assert(key != 0 && v);        /* 0 is no fact */
    const av *old = state_get_fact(st, frame, key);
    if (old && clashes(old, v))
        fr->facts->clash = true;
    state_set_fact(fr->e, st, frame, key, v);
}

/* A fact's key says which values it is about, and the same values can
 * sit in several frames (a parameter holds its argument's value): the
 * expression that reads them is one function's, read in its frames only,
 * or `mode` (a parameter's slot) would be read in the caller's frame. */
static uint64_t expr_key(uint64_t key, const ir_func *fn)
{
    return mix(key, (uint64_t)(uintptr_t)fn) | 1;
}

/* A variable set from a pure expression (int m = argc % 3) stands for
 * it: the value gets an identity of its own, whose fact key is the
 * expression's, so that `m == 1`, `argc % 3 == 1` and a helper's
 * `mode == 1` (mode = m) are one test. */
const av *facts_bind_value(const sc_frame *fr, const ir_expr *src,
                           const sc_state *st, const av *v)
{
    while (src->kind == IR_CAST)
        src = src->kids[0];
    if (v->kind != AV_TOP || v == &FACT_TRUTHY || src->type.kind != IR_T_INT ||
        src->kind == IR_SYM || src->kind == IR_INT)
        return v;                 /* known, or a copy: the same value */
    uint64_t key = fact_key(fr, src, st);
    if (!key)
        return v;
    av *c = sc_alloc(&fr->e->arena, sizeof *c);
    *c = *v;
    c->ident = NULL;
    fr->facts->value_keys = pm_set_own(&fr->e->arena, fr->facts->value_keys, c,
                              pm_hash_int((uint64_t)(uintptr_t)c),
                              (const void *)(uintptr_t)key, fr->facts->edit);
    /* the expression the key stands for, so that a test of the value
     * learns what it says of the values the expression reads (learn_bound) */
    uint64_t ek = expr_key(key, fr->fn);
    const void *k = (const void *)(uintptr_t)ek;
    if (!pm_get(fr->facts->exprs, k, pm_hash_int(ek)))
        fr->facts->exprs = pm_set_own(&fr->e->arena, fr->facts->exprs, k,
                                       pm_hash_int(ek), src, fr->facts->edit);
    return c;
}

/* x reads a value computed from a pure expression (int a = argc > 2, a
 * field set so): the test of x being `truth` is that expression's test,
 * in the frame that computed it while it still reads the same values
 * (argc > 2 false narrows argc to 1..2, and a path that also took
 * argc % 3 == 0 is one no run takes).  The frame is this one or a
 * caller (a flag set in main, tested in a helper through a pointer). */
static void learn_bound(const sc_frame *fr, const ir_expr *x, sc_state *st,
                        int truth)
{
    const av *v = facts_eval(fr, x, st);
    if (!one_value(v))
        return;
    const av *id = av_ident(v);
    const void *kp = pm_get(fr->facts->value_keys, id,
                            pm_hash_int((uint64_t)(uintptr_t)id));
    if (!kp)
        return;
    uint64_t key = (uint64_t)(uintptr_t)kp;
    for (const sc_frame *c = fr; c; c = c->caller) {
        uint64_t ek = expr_key(key, c->fn);
        const ir_expr *src = pm_get(c->facts->exprs, (const void *)(uintptr_t)ek,
                                    pm_hash_int(ek));
        while (src && src->kind == IR_CAST)
            src = src->kids[0];
        /* (a test of the value itself, `f->c`, may have named the key in
         * this frame: the expression is further up) */
        if (!src || src->kind == IR_SYM || src->kind == IR_MEMBER ||
            src->kind == IR_DEREF || src->kind == IR_INDEX)
            continue;
        if (fact_key(c, src, st) == key)
            learn(c, src, st, truth);
        return;
    }
}

/* Sets a fact and remembers which expression its key stands for, so that
 * a path's facts can be checked against each other (facts_consistent()). */
static void set_fact(const sc_frame *fr, sc_state *st, uint64_t key,
                     const ir_expr *x, const av *v)
{
    put_fact(fr, st, fr->frame, key, v);
    if (!x)
        return;
    uint64_t ek = expr_key(key, fr->fn);
    const void *k = (const void *)(uintptr_t)ek;
    if (!pm_get(fr->facts->exprs, k, pm_hash_int(ek)))
        fr->facts->exprs = pm_set_own(&fr->e->arena, fr->facts->exprs, k,
                                  pm_hash_int(ek), x, fr->facts->edit);
    /* A parameter that still holds what the call passed is the argument's
     * expression in the caller: `if (mode)` in helper(g, argc % 3) says
     * argc % 3 is nonzero, and the caller's next test of it agrees. */
    while (x->kind == IR_CAST)
        x = x->kids[0];
    const sc_frame *up = fr->caller;
    if (x->kind == IR_SYM && x->symscope == IR_LOCAL && up && fr->call &&
        x->sym < fr->fn->nparams && x->sym + 1 < fr->call->nkids &&
        holds_argument(fr, st, x->sym)) {
        const ir_expr *a = fr->call->kids[x->sym + 1];
        if (v == &FACT_TRUTHY || (v->kind == AV_INT && v->i == 0)) {
            learn(up, a, st, v == &FACT_TRUTHY);   /* argc > 2 is 0: argc <= 2 */
        } else {
            uint64_t ka = fact_key(up, a, st);
            if (ka)
                set_fact(up, st, ka, a, v);
        }
    }
}

/* the truth of x on this path from its facts: 1, 0, or -1 */
int facts_truth(const sc_frame *fr, const ir_expr *x, const sc_state *st)
{
    uint64_t k = fact_key(fr, x, st);
    const av *v = k ? state_get_fact(st, fr->frame, k) : NULL;
    if (!v && x->kind == IR_BINOP && x->op >= IR_LT && x->op <= IR_GE) {
        /* a comparison with a literal leaves no fact: the range says it */
        v = facts_eval(fr, x, st);
        return v ? av_truth(v) : -1;
    }
    if (!v)
        return -1;
    return v == &FACT_TRUTHY ? 1 : av_truth(v);
}

const av *facts_value(const sc_frame *fr, const ir_expr *x, const sc_state *st)
{
    uint64_t k = fact_key(fr, x, st);
    const av *v = k ? state_get_fact(st, fr->frame, k) : NULL;
    return v && v != &FACT_TRUTHY && v->kind != AV_TOP ? v : NULL;
}

/* Replaces old by v in the variable (frame, slot) of st, if it holds it
 * (itself, or in a field or an element). */
static void substitute_in(sc_engine *e, sc_state *st, uint32_t frame,
                          uint32_t slot, const av *old, const av *v)
{
    if (frame >= st->nframes)
        return;
    const av *cur = state_get(st, frame, slot);
    const av *r = av_replace(e, cur, old, v);
    if (r != cur)
        state_set(e, st, frame, slot, r);
}

/* The unknown `old`, one run-time value, is narrowed to v on this path:
 * every copy of it (in any variable of any frame, in a struct's field or
 * an array's element, and what a parameter stands for) becomes v.  Only
 * the variables that may hold it are read (state_holders: those it was
 * stored or joined into, and those holding aggregates), not every
 * variable of every frame: a function of thousands of locals, narrowed
 * at every test, would be quadratic. */
static void substitute(const sc_frame *fr, sc_state *st, const av *old,
                       const av *v)
{
    if (!one_value(old))
        return;                   /* a shared singleton, not one value */
    /* a parameter holding the argument, narrowed or not, goes on
     * speaking for it: in this frame and in every caller's */
    for (const sc_frame *c = fr; c; c = c->caller)
        for (uint32_t i = 0; c->fn && i < c->fn->nparams; i++)
            if (state_get_fact(st, c->frame, arg_key(i)) == old)
                state_set_fact(fr->e, st, c->frame, arg_key(i), v);
    /* (the lists are read as they are now: what state_set adds to them
     * while this runs holds v, not old) */
    for (const sc_holder *h = state_holders(fr->e, av_ident(old)); h; h = h->next)
        substitute_in(fr->e, st, h->frame, h->slot, old, v);
    for (const sc_holder *h = state_part_holders(fr->e); h; h = h->next)
        substitute_in(fr->e, st, h->frame, h->slot, old, v);
}

/* The place x (a field, an element, *p) holding an integer is narrowed
 * to v on this path: the value it holds, wherever it was copied. */
static void refine_place(const sc_frame *fr, const ir_expr *x, sc_state *st,
                         const av *v)
{
    while (x->kind == IR_CAST)
        x = x->kids[0];
    if (x->type.kind != IR_T_INT)
        return;
    const av *old = place_value(fr, x, st);
    if (!one_value(old))
        return;
    substitute(fr, st, old, av_narrowed(fr->e, v, old));
}

/* The same, from a test of x being `truth`. */
static void refine_place_truth(const sc_frame *fr, const ir_expr *x,
                               sc_state *st, int truth)
{
    const av *old = place_value(fr, x, st);
    if (!one_value(old))
        return;
    if (x->type.kind == IR_T_PTR && truth == 1 && !(old->has_lo && old->lo >= 1))
        substitute(fr, st, old,
                   av_narrowed(fr->e, av_range(fr->e, true, 1, false, 0), old));
    if (x->type.kind != IR_T_INT)
        return;
    if (truth == 0)
        refine_place(fr, x, st, av_int(fr->e, 0));
    else if (av_nonzero(fr->e, old) != old)
        refine_place(fr, x, st, av_nonzero(fr->e, old));
}

/* The variable x is narrowed to v on this path.  An unknown integer is one
 * value object wherever it was copied (`helper(argc)` passes argc's own
 * object to `mode`), so every variable of any frame that holds the same
 * object is narrowed with it: what `mode == 1` says, argc says too, and
 * the caller's facts about argc are checked against it (facts_consistent()). */
static void refine_value(const sc_frame *fr, const ir_expr *x, sc_state *st,
                         const av *v)
{
    uint32_t frame = x->symscope == IR_LOCAL ? fr->frame : 0;
    uint32_t slot = x->symscope == IR_LOCAL ? x->sym
                                            : frame_global_slot(fr, x->sym);
    const av *old = state_get(st, frame, slot);
    v = av_narrowed(fr->e, v, old);
    if (x->symscope == IR_LOCAL && x->sym < fr->fn->nparams && fr->caller &&
        fr->call) {
        /* a parameter: its caller learns it too (set_fact); an entry
         * point's have no caller, and the value says it all */
        uint64_t k = fact_key(fr, x, st);
        if (k)
            set_fact(fr, st, k, x, v);
    }
    if (!one_value(old)) {
        /* a parameter holding the argument goes on speaking for it */
        for (const sc_frame *c = fr; c && old != av_top(); c = c->caller)
            for (uint32_t i = 0; c->fn && i < c->fn->nparams; i++)
                if (state_get_fact(st, c->frame, arg_key(i)) == old)
                    state_set_fact(fr->e, st, c->frame, arg_key(i), v);
    }
    state_set(fr->e, st, frame, slot, v);
    substitute(fr, st, old, v);
}

static void refine_sym(const sc_frame *fr, const ir_expr *x, sc_state *st, int truth)
{
    uint32_t frame = x->symscope == IR_LOCAL ? fr->frame : 0;
    uint32_t slot = x->symscope == IR_LOCAL ? x->sym
                                            : frame_global_slot(fr, x->sym);
    const av *v = state_get(st, frame, slot);
    if (truth == 0 && x->type.kind == IR_T_PTR)
        state_set(fr->e, st, frame, slot, av_null());
    else if (truth == 1 && x->type.kind == IR_T_PTR && v == av_top())
        /* an unknown pointer, now known not to be NULL */
        state_set(fr->e, st, frame, slot, av_range(fr->e, true, 1, false, 0));
    else if (truth == 1 && x->type.kind == IR_T_PTR && one_value(v) &&
             !(v->has_lo && v->lo >= 1))
        /* one run-time pointer (a call's result), not NULL: every copy of
         * it (`&output` handed to a helper reads it there) */
        refine_value(fr, x, st, av_range(fr->e, true, 1, false, 0));
    else if (truth == 0 && x->type.kind == IR_T_INT)
        refine_value(fr, x, st, av_int(fr->e, 0));
    else if (truth == 1 && x->type.kind == IR_T_INT && av_nonzero(fr->e, v) != v)
        refine_value(fr, x, st, av_nonzero(fr->e, v));
    else if (truth == 1 && v->maybe_null) {
        av *c = sc_alloc(&fr->e->arena, sizeof *c);
        *c = *v;
        c->maybe_null = false;
        c->ident = av_ident(v);   /* the same pointer: its facts hold */
        state_set(fr->e, st, frame, slot, c);
    }
}

/* x: `v OP c` or `c OP v` with v a variable and c a constant; on this
 * path it is `truth`: narrow v's range.  True if v's range now says all
 * the test says, c being a literal: the range is v's value object, kept
 * by every copy of it and joined with it as a fact would be (the hull of
 * ranges on one side of c stays on that side), so no fact is needed. */
static bool refine_cmp(const sc_frame *fr, const ir_expr *x, sc_state *st, int truth)
{
    const ir_expr *v = x->kids[0], *c = x->kids[1];
    int op = x->op;
    if (v->kind == IR_CAST)
        v = v->kids[0];
    if (c->kind == IR_CAST)
        c = c->kids[0];
    /* the side whose value this path knows is the constant: `i < mode`
     * with i == 1 narrows mode */
    const av *cv = facts_eval(fr, c, st);
    if (!(cv && cv->kind == AV_INT)) {
        const av *vv = facts_eval(fr, v, st);
        if (!(vv && vv->kind == AV_INT) ||
            (c->kind != IR_SYM && !place_value(fr, c, st)))
            return false;
        const ir_expr *t = v;
        v = c;
        c = t;
        cv = vv;
        op = op == IR_LT ? IR_GT : op == IR_GT ? IR_LT : op == IR_LE ? IR_GE : IR_LE;
    }
    if ((v->kind != IR_SYM && !place_value(fr, v, st)) || v->type.kind != IR_T_INT)
        return false;
    if (!truth)   /* not (v < c) is v >= c, ... */
        op = op == IR_LT ? IR_GE : op == IR_GE ? IR_LT : op == IR_GT ? IR_LE : IR_GT;
    const av *cur = facts_eval(fr, v, st);
    if (!cur)
        return false;
    bool hl, hh;
    int64_t lo, hi;
    if (!av_bounds(cur, &hl, &lo, &hh, &hi) || cur->kind == AV_INT)
        return false;
    int64_t k = cv->i;
    switch (op) {
    case IR_LT: if (!hh || k - 1 < hi) { hh = true; hi = k - 1; } break;
    case IR_LE: if (!hh || k < hi) { hh = true; hi = k; } break;
    case IR_GT: if (!hl || k + 1 > lo) { hl = true; lo = k + 1; } break;
    case IR_GE: if (!hl || k > lo) { hl = true; lo = k; } break;
    }
    if (hl && hh && lo > hi) {
        /* no value is left: no run takes this path (argc >= 4 learnt in
         * one helper, argc <= 2 in another, through one struct's flags) */
        fr->facts->clash = true;
        return false;
    }
    if (v->kind == IR_SYM)
        refine_value(fr, v, st, av_range(fr->e, hl, lo, hh, hi));
    else
        refine_place(fr, v, st, av_range(fr->e, hl, lo, hh, hi));
    /* a place's value may not be narrowed (not one value): its fact is
     * kept */
    return c->kind == IR_INT && v->kind == IR_SYM;
}

/* For `a == b` (or !=) with neither a literal: the side whose value this
 * path knows as one integer, as an IR_INT node written in *lit, the other
 * side left in *a; NULL when neither or both are known, or the unknown
 * side is not an integer. */
static const ir_expr *known_int_side(const sc_frame *fr, const ir_expr **a,
                                     const ir_expr *b, const sc_state *st,
                                     ir_expr *lit)
{
    const av *bv = facts_eval(fr, b, st);
    const av *av_a = facts_eval(fr, *a, st);
    bool kb = bv && bv->kind == AV_INT, ka = av_a && av_a->kind == AV_INT;
    if (kb == ka)
        return NULL;
    const ir_expr *other = kb ? *a : b;
    const av *known = kb ? bv : av_a;
    const ir_expr *o = other;
    while (o->kind == IR_CAST)
        o = o->kids[0];
    if (o->type.kind != IR_T_INT)
        return NULL;
    ir_expr *c = lit;
    *c = kb ? *b : **a;
    c->kind = IR_INT;
    c->ival = known->i;
    c->nkids = 0;
    c->kids = NULL;
    *a = other;
    return c;
}

/* Records what `cond` being `truth` says on this path. */
static void learn(const sc_frame *fr, const ir_expr *x, sc_state *st, int truth)
{
    if (!x)
        return;
    uint64_t k = fact_key(fr, x, st);
    if (x->kind == IR_BINOP && x->op >= IR_LT && x->op <= IR_GE) {
        /* `argc > 4`: argc's narrowed range says it, and a path with one
         * test per line must not carry one fact per line (each fact is
         * read again at every test: facts_consistent) */
        bool known = k && state_get_fact(st, fr->frame, k);
        if (refine_cmp(fr, x, st, truth) && !known)
            return;
        if (k)
            set_fact(fr, st, k, x, truth ? &FACT_TRUTHY : av_int(fr->e, 0));
        return;
    }
    if (k)
        set_fact(fr, st, k, x, truth ? &FACT_TRUTHY : av_int(fr->e, 0));
    switch (x->kind) {
    case IR_CAST:
        learn(fr, x->kids[0], st, truth);
        break;
    case IR_COND: {
        int t = cond_truth(fr, x->kids[0], st);
        if (t >= 0)
            learn(fr, x->kids[t ? 1 : 2], st, truth);
        break;
    }
    case IR_SYM:
        learn_bound(fr, x, st, truth);
        refine_sym(fr, x, st, truth);
        break;
    case IR_MEMBER: case IR_DEREF: case IR_INDEX:
        learn_bound(fr, x, st, truth);
        refine_place_truth(fr, x, st, truth);
        break;
    case IR_UNOP:
        if (x->op == '!')
            learn(fr, x->kids[0], st, !truth);
        break;
    case IR_BINOP: {
        if ((x->op == IR_LAND && truth) || (x->op == IR_LOR && !truth)) {
            learn(fr, x->kids[0], st, truth);
            learn(fr, x->kids[1], st, truth);
            break;
        }
        if (x->op != IR_EQ && x->op != IR_NE)
            break;
        const ir_expr *a = x->kids[0], *b = x->kids[1];
        if (a->kind == IR_INT || a->kind == IR_NULL) {
            const ir_expr *t = a;
            a = b;
            b = t;
        }
        bool equal = (x->op == IR_EQ) == (truth != 0);
        ir_expr lit;
        if (b->kind != IR_INT && b->kind != IR_NULL) {
            /* a side this path knows is a constant, as a literal would
             * be: `n == argc` with n == 8 here says argc is 8, and the
             * next `n == argc` after `n += 8` must not hold too
             * (`if (n == stop)` in a block a macro repeats) */
            b = known_int_side(fr, &a, b, st, &lit);
            if (!b)
                break;
        }
        if (b->kind == IR_NULL || (b->kind == IR_INT && b->ival == 0 &&
                                   a->type.kind == IR_T_PTR)) {
            /* p == NULL, p != NULL and p itself all say the same thing */
            uint64_t ka = fact_key(fr, a, st), kn = mix(1, 0);
            if (ka) {
                set_fact(fr, st, ka, a, equal ? av_int(fr->e, 0) : &FACT_TRUTHY);
                put_fact(fr, st, fr->frame, op_key(IR_EQ, ka, kn),
                         equal ? &FACT_TRUTHY : av_int(fr->e, 0));
                put_fact(fr, st, fr->frame, op_key(IR_NE, ka, kn),
                         equal ? av_int(fr->e, 0) : &FACT_TRUTHY);
            }
            if (a->kind == IR_SYM)
                refine_sym(fr, a, st, equal ? 0 : 1);
            else
                refine_place_truth(fr, a, st, equal ? 0 : 1);
        } else if (b->kind == IR_INT && equal) {
            uint64_t ka = fact_key(fr, a, st);
            if (ka)
                set_fact(fr, st, ka, a, av_int(fr->e, b->ival));
            while (a->kind == IR_CAST)
                a = a->kids[0];
            if (a->kind == IR_SYM && a->type.kind == IR_T_INT)
                refine_value(fr, a, st, av_int(fr->e, b->ival));
            else
                refine_place(fr, a, st, av_int(fr->e, b->ival));
        } else if (b->kind == IR_INT) {
            /* x != c: the other spelling of the test is decided too, and a
             * range of x that ends at c loses that end */
            uint64_t ka = fact_key(fr, a, st);
            if (ka)
                put_fact(fr, st, fr->frame,
                         op_key(x->op == IR_EQ ? IR_NE : IR_EQ, ka,
                                mix(1, (uint64_t)b->ival)),
                         x->op == IR_EQ ? &FACT_TRUTHY : av_int(fr->e, 0));
            if (b->ival == 0 && ka)
                set_fact(fr, st, ka, a, &FACT_TRUTHY);
            while (a->kind == IR_CAST)
                a = a->kids[0];
            const av *cur = a->kind == IR_SYM && a->type.kind == IR_T_INT
                                ? facts_eval(fr, a, st) : NULL;
            bool hl, hh;
            int64_t lo, hi;
            if (cur && cur->kind == AV_TOP && av_bounds(cur, &hl, &lo, &hh, &hi) &&
                ((hl && lo == b->ival) || (hh && hi == b->ival)))
                refine_value(fr, a, st,
                             av_range(fr->e, hl, hl && lo == b->ival ? lo + 1 : lo,
                                      hh, hh && hi == b->ival ? hi - 1 : hi));
        }
        break;
    }
    default:
        break;
    }
}

/* True if x is pure and every variable it reads is a global or a
 * parameter that still holds what the call passed. */
static bool reads_args_only(const sc_frame *fr, const ir_expr *x, const sc_state *st)
{
    switch (x->kind) {
    case IR_INT:
    case IR_NULL:
        return true;
    case IR_SYM:
        if (x->symscope != IR_LOCAL)
            return true;
        return x->sym < fr->fn->nparams && x->sym + 1 < fr->call->nkids &&
               holds_argument(fr, st, x->sym);
    case IR_CALL:
        if (!is_atoi(x))
            return false;
        return reads_args_only(fr, x->kids[1], st);
    case IR_CAST:
    case IR_UNOP:
    case IR_BINOP:
    case IR_MEMBER:
    case IR_INDEX:
    case IR_COND:
        for (uint32_t i = 0; i < x->nkids; i++)
            if (!reads_args_only(fr, x->kids[i], st))
                return false;
        return true;
    default:
        return false;
    }
}

/* x with each parameter replaced by the caller's argument expression. */
static const ir_expr *subst_args(const sc_frame *fr, const ir_expr *x)
{
    if (x->kind == IR_SYM && x->symscope == IR_LOCAL)
        return fr->call->kids[x->sym + 1];
    ir_expr **kids = NULL;
    uint32_t first = x->kind == IR_CALL ? 1 : 0;  /* atoi(s): s only */
    for (uint32_t i = first; i < x->nkids; i++) {
        const ir_expr *k = subst_args(fr, x->kids[i]);
        if (k == x->kids[i])
            continue;
        if (!kids) {
            kids = sc_alloc(&fr->e->arena, x->nkids * sizeof *kids);
            memcpy(kids, x->kids, x->nkids * sizeof *kids);
        }
        kids[i] = (ir_expr *)k;
    }
    if (!kids)
        return x;
    ir_expr *c = sc_alloc(&fr->e->arena, sizeof *c);
    *c = *x;
    c->kids = kids;
    return c;
}

/* The test x of this frame as its caller would write it: `mode == 1` in
 * helper(g, argc % 3) is `argc % 3 == 1` there.  NULL where x reads
 * anything the caller cannot name. */
static const ir_expr *in_caller(const sc_frame *fr, const ir_expr *x,
                                const sc_state *st)
{
    if (!fr->caller || !fr->call || !reads_args_only(fr, x, st))
        return NULL;
    uint64_t key = mix((uint64_t)(uintptr_t)x, (uint64_t)(uintptr_t)fr->call);
    const void *k = (const void *)(uintptr_t)key;
    const ir_expr *known = pm_get(fr->facts->caller_tests, k, pm_hash_int(key));
    if (known)
        return known;             /* a test in a loop, or on many paths */
    const ir_expr *t = subst_args(fr, x);
    fr->facts->caller_tests = pm_set_own(&fr->e->arena, fr->facts->caller_tests, k,
                                     pm_hash_int(key), t, fr->facts->edit);
    return t;
}

/* Learns what the test x being `truth` says, in this frame and, in their
 * own terms, in the callers'; false if the path knew the opposite (no run
 * takes it).  A helper's `if (mode == 1)` is the caller's test of
 * argc % 3: a second call of the helper must take the same arm. */
bool facts_learn(const sc_frame *fr, const ir_expr *x, sc_state *st, int truth)
{
    fr->facts->clash = false;
    /* the test in the callers' terms first: learning it here may narrow
     * a parameter (a field of a struct passed by value), which then no
     * longer holds what the call passed */
    enum { MAX_UP = 64 };
    const sc_frame *frames[MAX_UP];
    const ir_expr *tests[MAX_UP];
    uint32_t n = 0;
    const ir_expr *t = x;
    for (const sc_frame *c = fr; n < MAX_UP && (t = in_caller(c, t, st)) != NULL;) {
        c = c->caller;
        frames[n] = c;
        tests[n++] = t;
    }
    learn(fr, x, st, truth);
    for (uint32_t i = 0; i < n; i++)
        learn(frames[i], tests[i], st, truth);
    bool ok = !fr->facts->clash;
    fr->facts->clash = false;
    return ok;
}

/* The value of a pure expression on this path, without side effects
 * (NULL if it is not pure). */
const av *facts_eval(const sc_frame *fr, const ir_expr *x, const sc_state *st)
{
    const av *a, *b;
    if (fr->facts->pin_key && x->kind != IR_INT && x->kind != IR_NULL &&
        x->type.kind == IR_T_INT && fact_key(fr, x, st) == fr->facts->pin_key)
        return fr->facts->pin_val;
    switch (x->kind) {
    case IR_INT:
        return av_int(fr->e, x->ival);
    case IR_NULL:
        return av_null();
    case IR_SYM:
        if (x->type.kind == IR_T_ARRAY)
            return NULL;
        return state_get(st, x->symscope == IR_LOCAL ? fr->frame : 0,
                         x->symscope == IR_LOCAL ? x->sym
                                                 : frame_global_slot(fr, x->sym));
    case IR_CAST:
        return facts_eval(fr, x->kids[0], st);
    case IR_MEMBER: case IR_DEREF: case IR_INDEX:
        /* what the place holds (a field, an element, *p) */
        return place_value(fr, x, st);
    case IR_UNOP:
        a = facts_eval(fr, x->kids[0], st);
        return a ? av_unop(fr->e, x->op, a) : NULL;
    case IR_BINOP:
        a = facts_eval(fr, x->kids[0], st);
        b = a ? facts_eval(fr, x->kids[1], st) : NULL;
        if (!b)
            return NULL;
        if (x->op == IR_LAND || x->op == IR_LOR) {
            int ta = av_truth(a), tb = av_truth(b);
            if (x->op == IR_LAND)
                return ta == 0 || tb == 0 ? av_int(fr->e, 0)
                       : ta == 1 && tb == 1 ? av_int(fr->e, 1) : av_top();
            return ta == 1 || tb == 1 ? av_int(fr->e, 1)
                   : ta == 0 && tb == 0 ? av_int(fr->e, 0) : av_top();
        }
        return av_binop(fr->e, x->op, a, b);
    case IR_COND: {
        int t = cond_truth(fr, x->kids[0], st);
        return t < 0 ? NULL : facts_eval(fr, x->kids[t ? 1 : 2], st);
    }
    case IR_CALL: {
        /* atoi(s) where this path knows s[0] is the digit d, 1..9: at
         * least d (so atoi(s) == 0 and s[0] == '2' cannot both hold) */
        if (!is_atoi(x))
            return NULL;
        uint64_t ks = fact_key(fr, x->kids[1], st);
        const av *c = ks ? state_get_fact(st, fr->frame, mix(mix(7, ks), mix(1, 0)))
                         : NULL;
        if (c && c->kind == AV_INT && c->i > '0' && c->i <= '9')
            return av_range(fr->e, true, c->i - '0', false, 0);
        return NULL;
    }
    default:
        return NULL;
    }
}

/* A few-valued expression that facts are about (argc % 3 in 0..2): the
 * consistency check tries each of its values (some_value_fits). */
typedef struct atom {
    uint64_t key;
    int64_t lo, hi;
} atom;

enum { MAX_ATOMS = 4, ATOM_VALUES = 16 };

typedef struct check_ctx {
    const sc_frame *fr;
    const sc_state *st;
    bool ok;
    int nfacts;                   /* facts read (that constrain anything) */
    size_t blank;                 /* facts of the top frame joined away */
    atom *atoms;                  /* NULL: not collected */
    int natoms;
} check_ctx;

/* A fact joined with its opposite, or with its absence, says nothing:
 * absent and "unknown" answer every query alike (facts_truth,
 * facts_value, put_fact's clash, the join). */
static bool says_nothing(const av *fv)
{
    return fv->kind == AV_TOP && fv != &FACT_TRUTHY && !fv->has_lo && !fv->has_hi;
}

/* False if x surely cannot be v on this path.  Ranges are one interval,
 * which says nothing of `argc % 3 == 1` once argc is in 2..3 (the values
 * are 2 and 0): a small range under % is enumerated. */
static bool may_equal(const sc_frame *fr, const ir_expr *x, const sc_state *st,
                      int64_t v)
{
    while (x->kind == IR_CAST)
        x = x->kids[0];
    if (x->kind != IR_BINOP || x->op != IR_MOD)
        return true;
    const av *a = facts_eval(fr, x->kids[0], st), *c = facts_eval(fr, x->kids[1], st);
    bool hl, hh;
    int64_t lo, hi;
    if (!a || !c || c->kind != AV_INT || c->i <= 0 ||
        !av_bounds(a, &hl, &lo, &hh, &hi) || !hl || !hh || lo < 0 || hi - lo > 64)
        return true;
    for (int64_t k = lo; k <= hi; k++)
        if (k % c->i == v)
            return true;
    return false;
}

/* x, an operand of a fact's test (argc % 3 in `argc % 3 != 1`, or the
 * fact's own expression), is an atom if it is computed (not a variable:
 * some_value_fits tries those) and has a few possible values. */
static void collect_atom(check_ctx *c, const ir_expr *x)
{
    while (x->kind == IR_CAST)
        x = x->kids[0];
    if (!c->atoms || c->natoms >= MAX_ATOMS || x->type.kind != IR_T_INT ||
        x->kind == IR_INT || x->kind == IR_SYM)
        return;
    uint64_t k = fact_key(c->fr, x, c->st);
    const av *v = k ? facts_eval(c->fr, x, c->st) : NULL;
    bool hl, hh;
    int64_t lo, hi;
    if (!v || v->kind != AV_TOP || !av_bounds(v, &hl, &lo, &hh, &hi) || !hl ||
        !hh || hi - lo >= ATOM_VALUES)
        return;
    for (int i = 0; i < c->natoms; i++)
        if (c->atoms[i].key == k)
            return;
    c->atoms[c->natoms++] = (atom){k, lo, hi};
}

static void check_fact(const void *key, const void *val, void *ctx)
{
    check_ctx *c = ctx;
    uint64_t base = (uint64_t)(uintptr_t)key;
    if (!c->ok)
        return;
    const av *fv = val;
    if (says_nothing(fv)) {
        c->blank += c->fr->frame == c->st->nframes - 1;
        return;                   /* joined away: no constraint */
    }
    uint64_t ek = expr_key(base, c->fr->fn);
    const ir_expr *x = pm_get(c->fr->facts->exprs, (const void *)(uintptr_t)ek,
                              pm_hash_int(ek));
    /* a fact about values a variable no longer holds (m changed since
     * m == 1 was tested) is dead: its expression now reads other values */
    if (!x || fact_key(c->fr, x, c->st) != base)
        return;
    const av *now = facts_eval(c->fr, x, c->st);
    if (!now)
        return;
    c->nfacts++;
    if (c->atoms) {
        const ir_expr *y = x;
        while (y->kind == IR_CAST)
            y = y->kids[0];
        if (y->kind == IR_BINOP && y->op >= IR_LT && y->op <= IR_NE &&
            y->nkids == 2) {
            collect_atom(c, y->kids[0]);
            collect_atom(c, y->kids[1]);
        } else {
            collect_atom(c, y);
        }
    }
    if (fv->kind == AV_INT && now->kind != AV_INT &&
        !may_equal(c->fr, x, c->st, fv->i)) {
        c->ok = false;
        return;
    }
    int t = av_truth(now);
    if (fv == &FACT_TRUTHY ? t == 0
                           : (now->kind == AV_INT && fv->kind == AV_INT &&
                              now->i != fv->i) ||
                                 (fv->kind == AV_INT && fv->i == 0 && t == 1) ||
                                 (fv->kind == AV_TOP && now->kind == AV_INT &&
                                  ((fv->has_lo && now->i < fv->lo) ||
                                   (fv->has_hi && now->i > fv->hi))))
        c->ok = false;
}

/* -1: a fact fails; else how many facts were read.  atoms (MAX_ATOMS):
 * where the few-valued expressions the facts test are collected. */
static int facts_hold(const sc_frame *fr, const sc_state *st, atom *atoms,
                      int *natoms)
{
    check_ctx c = {fr, st, true, 0, 0, atoms, 0};
    for (; c.ok && c.fr; c.fr = c.fr->caller)
        if (c.fr->frame < st->nframes)
            pm_each(st->frames[c.fr->frame].facts, check_fact, &c);
    fr->facts->blank = c.blank;
    fr->facts->read = c.nfacts;
    if (natoms)
        *natoms = c.natoms;
    return c.ok ? c.nfacts : -1;
}

typedef struct sweep_ctx {
    sc_engine *e;
    sc_state *st;
    pmap kept;
} sweep_ctx;

static void keep_fact(const void *key, const void *val, void *ctx)
{
    sweep_ctx *c = ctx;
    if (!says_nothing(val))
        c->kept = pm_set_edit(&c->e->arena, c->kept, key,
                              pm_hash_int((uint64_t)(uintptr_t)key), val,
                              c->st->edit);
}

/* Joins leave facts that say nothing (a test one path made), one more
 * per join: a path of many tests and joins would read them all again at
 * every test.  When they outnumber the others, the top frame's facts
 * are rebuilt without them, so the cost per test stays that of the facts
 * that say something. */
static void sweep(const sc_frame *fr, sc_state *st)
{
    size_t blank = fr->facts->blank;
    fr->facts->blank = 0;
    if (blank < 16 || blank < (size_t)fr->facts->read || fr->frame + 1 != st->nframes)
        return;
    sweep_ctx c = {fr->e, st, {NULL}};
    sc_edit_check(fr->e, st->edit, st);
    pm_each(st->frames[fr->frame].facts, keep_fact, &c);
    st->frames[fr->frame].facts = c.kept;
}

/* Each fact alone may hold while no value makes them all hold: argc in
 * 1..2, argc % 3 == 1 and argc % 2 == 0.  A variable of this frame with a
 * few possible values is tried with each of them. */
static bool some_value_fits(const sc_frame *fr, const sc_state *st)
{
    int tried = 0;
    if (!fr->fn)
        return true;              /* a global's initializer */
    /* the first locals only (parameters first): the cost per test stays
     * constant in functions with thousands of locals */
    for (uint32_t slot = 0; slot < fr->fn->nlocals && slot < 64 && tried < 4; slot++) {
        const av *v = state_get(st, fr->frame, slot);
        if (v->kind != AV_TOP || !v->has_lo || !v->has_hi || v->hi - v->lo > 15)
            continue;
        tried++;
        bool fits = false;
        for (int64_t k = v->lo; k <= v->hi && !fits; k++) {
            sc_state *c = state_clone(fr->e, (sc_state *)st);
            state_set(fr->e, c, fr->frame, slot,
                      av_narrowed(fr->e, av_int(fr->e, k), v));
            fits = facts_hold(fr, c, NULL, NULL) >= 0;
        }
        if (!fits)
            return false;
    }
    return true;
}

/* The same for a computed expression the facts test (argc % 3 in 0..2,
 * after argc % 3 != 1, argc % 3 > 0 and argc % 3 != 2: no value is
 * left).  Its values are tried by reading the expression as each
 * (pin_key), not by a store: there is no variable to store into. */
static bool some_atom_value_fits(const sc_frame *fr, const sc_state *st,
                                 const atom *atoms, int natoms)
{
    sc_facts *fx = fr->facts;
    assert(fx->pin_key == 0);     /* not nested */
    for (int i = 0; i < natoms; i++) {
        bool fits = false;
        fx->pin_key = atoms[i].key;
        for (int64_t k = atoms[i].lo; k <= atoms[i].hi && !fits; k++) {
            fx->pin_val = av_int(fr->e, k);
            fits = facts_hold(fr, st, NULL, NULL) >= 0;
        }
        fx->pin_key = 0;
        fx->pin_val = NULL;
        if (!fits)
            return false;
    }
    return true;
}

/* False if what this path learned contradicts what it knew: a path no
 * run can take (argc % 2 == 0, then argc <= 1; or, in a helper called
 * with argc, mode == 1).  The callers' facts count: each is read in its
 * own frame. */
bool facts_consistent(const sc_frame *fr, const sc_state *st)
{
    /* trying values costs state copies: only when facts could clash.  A
     * variable has few values after a test of it, and a test that a range
     * says (`argc < 3`) leaves no fact (learn), so one fact is enough. */
    atom atoms[MAX_ATOMS];
    int natoms = 0;
    int n = facts_hold(fr, st, atoms, &natoms);
    return n >= 0 && (n < 1 || (some_value_fits(fr, st) &&
                                some_atom_value_fits(fr, st, atoms, natoms)));
}

/* Records that the switch's operand x equals a case's value on this
 * path; false if the path cannot take that case (`if (mode)` before
 * `case 0:`, or a test of argc before that says otherwise). */
bool facts_assume_case(const sc_frame *fr, const ir_expr *eq, sc_state *st)
{
    const ir_expr *x = eq->kids[0];
    int64_t value = eq->kids[1]->ival;
    uint64_t k = fact_key(fr, x, st);
    const av *known = k ? state_get_fact(st, fr->frame, k) : NULL;
    if (facts_truth(fr, eq, st) == 0 ||
        (known && (known == &FACT_TRUTHY ? value == 0
                                         : known->kind == AV_INT && known->i != value)))
        return false;
    return facts_learn(fr, eq, st, 1) && facts_consistent(fr, st);
}

/* No case matched: every case's test failed on this path. */
bool facts_assume_no_case(const sc_frame *fr, const ir_expr *const *tests, uint32_t n,
                          sc_state *st)
{
    for (uint32_t i = 0; i < n; i++)
        if (tests[i]) {
            if (facts_truth(fr, tests[i], st) == 1 || !facts_learn(fr, tests[i], st, 0))
                return false;
        }
    return facts_consistent(fr, st);
}

/* `x == value`, for a switch's case: a switch is a chain of such tests */
const ir_expr *facts_case_test(sc_facts *fx, const ir_stmt *label,
                               const ir_expr *x, int64_t value)
{
    const void *key = label;
    sc_engine *e = fx->e;
    uint64_t hash = pm_hash_int((uint64_t)(uintptr_t)key);
    const ir_expr *known = pm_get(fx->case_tests, key, hash);
    if (known)
        return known;             /* a switch in a loop: built once */
    ir_expr *c = sc_alloc(&e->arena, sizeof *c);
    ir_expr *t = sc_alloc(&e->arena, sizeof *t);
    ir_expr **kids = sc_alloc(&e->arena, 2 * sizeof *kids);
    memset(c, 0, sizeof *c);
    c->kind = IR_INT;
    c->ival = value;
    c->type.kind = IR_T_INT;
    c->loc = x->loc;
    kids[0] = (ir_expr *)x;
    kids[1] = c;
    memset(t, 0, sizeof *t);
    t->kind = IR_BINOP;
    t->op = IR_EQ;
    t->type.kind = IR_T_INT;
    t->loc = x->loc;
    t->kids = kids;
    t->nkids = 2;
    fx->case_tests = pm_set_own(&e->arena, fx->case_tests, key, hash, t,
                                 fx->edit);
    return t;
}


bool facts_assume(const sc_frame *fr, const ir_expr *x, sc_state *st,
                  int truth)
{
    bool ok = facts_learn(fr, x, st, truth) && facts_consistent(fr, st);
    if (ok)
        sweep(fr, st);
    return ok;
}

void facts_enter(const sc_frame *fr, sc_state *st, const av **args,
                 uint32_t nargs)
{
    for (uint32_t i = 0; fr->call && i < fr->fn->nparams && i < nargs; i++)
        state_set_fact(fr->e, st, fr->frame, arg_key(i), args[i]);
}
