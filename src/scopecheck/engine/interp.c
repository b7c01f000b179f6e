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

#define MAX_STATES 16
/* A loop whose trip count is unknown runs its first turns as C runs them
 * (on each, the paths that may leave, leave), then its state stands for
 * every later turn.  Four turns see names that cycle with i % 2 and
 * i % 3 come round again. */
#define UNKNOWN_TURNS 4

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

/* ---- small helpers ---- */

static void push_sv(sc_svs *v, sc_state *st, const av *val)
{
    sc_sv sv = {st, val};
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
    if (!f->in->budget_said) {
        sc_site at = {loc, f->fr.unit, f->chain, f->iter};
        sc_unchecked(f->e, &at, SC_STOP_BUDGET, NULL);
        f->in->budget_said = true;
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
 * point, 4 in what it calls, 2 below. */
static size_t cap_at(int d)
{
    return d == 0 ? MAX_STATES : d == 1 ? 4 : 2;
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
        /* too many shapes: blur the last two (open scopes unknown) */
        state_join_into(e, sts[*len - 2], sts[*len - 1]);
        if (vals)
            vals[*len - 2] = av_join(e, vals[*len - 2], vals[*len - 1]);
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

/* ---- locations (lvalues) ---- */

typedef struct lval {
    bool known;
    uint32_t frame, slot;
    const char *path[4];         /* fields below the variable */
    int npath;
} lval;

static lval lvalue(fctx *f, const ir_expr *x, sc_state *st)
{
    lval l = {0};
    switch (x->kind) {
    case IR_SYM:
        l.known = true;
        l.frame = x->symscope == IR_LOCAL ? f->fr.frame : 0;
        l.slot = x->symscope == IR_LOCAL ? x->sym
                                         : global_slot(f, x->sym);
        return l;
    case IR_MEMBER: {
        if (x->op == 1) {          /* p->field */
            sc_svs v = {0};
            eval(f, x->kids[0], st, &v);
            const av *p = v.len == 1 ? v.items[0].v : av_top();
            SC_VEC_FREE(v);
            if (p->kind != AV_REF)
                return l;
            l.known = true;
            l.frame = p->frame;
            l.slot = p->slot;
        } else {
            l = lvalue(f, x->kids[0], st);
        }
        if (!l.known || l.npath == 4) {
            l.known = false;
            return l;
        }
        l.path[l.npath++] = sc_istr(f->e, x->str);
        return l;
    }
    case IR_DEREF: {
        sc_svs v = {0};
        eval(f, x->kids[0], st, &v);
        const av *p = v.len == 1 ? v.items[0].v : av_top();
        SC_VEC_FREE(v);
        if (p->kind == AV_REF) {
            l.known = true;
            l.frame = p->frame;
            l.slot = p->slot;
        }
        return l;
    }
    case IR_CAST:
        return lvalue(f, x->kids[0], st);
    default:
        return l;
    }
}

static const av *set_path(sc_engine *e, const av *base, const char *const *path,
                          int n, const av *val)
{
    if (n == 0)
        return val;
    const av *inner = av_field(e, base, path[0]);
    return av_with_field(e, base, path[0], set_path(e, inner, path + 1, n - 1, val));
}

static const av *get_path(sc_engine *e, const av *v, const char *const *path, int n)
{
    for (int i = 0; i < n; i++)
        v = av_field(e, v, path[i]);
    return v;
}

static void store(fctx *f, sc_state *st, const lval *l, const av *val)
{
    if (!l->known)
        return;
    const av *old = state_get(st, l->frame, l->slot);
    state_set(f->e, st, l->frame, l->slot,
              set_path(f->e, old, l->path, l->npath, val));
}

/* A store the engine cannot place (through a pointer it does not follow,
 * or into an array element) must not leave what it may have changed as
 * it was: `*strchr(name, ':') = '\0'` changes the text of name, which a
 * name read back from the graph had made known.  The array stored into,
 * when it is known, becomes unknown; through an unknown pointer, every
 * known text of every frame does (text is what names are made of). */
static const av *load(fctx *f, sc_state *st, const lval *l);

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

/* A pointer into a known text (strchr's answer): a box whose content
 * says which buffer (into: a ref, or top for a literal), what its text
 * was then, and where in it the pointer is. */
static const av *text_pointer(sc_engine *e, const av *into, const char *text,
                              size_t at)
{
    const char **names = sc_alloc(&e->arena, 3 * sizeof *names);
    const av **vals = sc_alloc(&e->arena, 3 * sizeof *vals);
    names[0] = sc_istr(e, "into");
    names[1] = sc_istr(e, "text");
    names[2] = sc_istr(e, "at");
    vals[0] = into->kind == AV_REF ? into : av_top();
    vals[1] = av_str(e, sc_istr(e, text));
    vals[2] = av_int(e, (int64_t)at);
    return av_box(e, av_agg(e, 3, names, vals, false));
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

/* What x evaluates to, its side effects left out (they happen when the
 * statement's own evaluation makes them); unknown if it calls anything */
static bool has_call(const ir_expr *x)
{
    if (x->kind == IR_CALL)
        return true;
    for (uint32_t i = 0; i < x->nkids; i++)
        if (x->kids[i] && has_call(x->kids[i]))
            return true;
    return false;
}

static const av *peek(fctx *f, const ir_expr *x, sc_state *st)
{
    if (has_call(x))              /* a call is not made twice */
        return av_top();
    sc_state *tmp = state_clone(f->e, st);
    sc_svs v = {0};
    eval(f, x, tmp, &v);
    const av *r = v.len == 1 ? v.items[0].v : av_top();
    SC_VEC_FREE(v);
    return r;
}

/* x evaluated on st (its side effects made), when it has one value */
static const av *eval_once(fctx *f, const ir_expr *x, sc_state *st)
{
    sc_svs v = {0};
    eval(f, x, st, &v);
    const av *r = v.len == 1 ? v.items[0].v : av_top();
    SC_VEC_FREE(v);
    return r;
}

/* A char stored at offset off of a pointer into a known text (p[k] = c,
 * *p = c): when the buffer still holds that text, its new text; else
 * every known text is forgotten. */
static void store_into_text(fctx *f, sc_state *st, const av *p,
                            const av *off, const av *val)
{
    sc_engine *e = f->e;
    const av *into = av_field(e, p->box, sc_istr(e, "into"));
    const av *was = av_field(e, p->box, sc_istr(e, "text"));
    const av *at = av_field(e, p->box, sc_istr(e, "at"));
    if (into->kind != AV_REF || was->kind != AV_STR || at->kind != AV_INT ||
        off->kind != AV_INT || val->kind != AV_INT || val->i < 0 ||
        val->i > 127) {
        forget_texts(f, st);
        return;
    }
    const av *now = state_get(st, into->frame, into->slot);
    size_t len = strlen(was->s);
    int64_t k = at->i + off->i;
    if (now->kind != AV_STR || strcmp(now->s, was->s) != 0 || k < 0 ||
        (size_t)k >= len) {
        forget_texts(f, st);
        return;
    }
    char *text = sc_xmalloc(len + 1);
    memcpy(text, was->s, len + 1);
    text[k] = (char)val->i;
    state_set(e, st, into->frame, into->slot, av_str(e, sc_istr(e, text)));
    free(text);
}

static bool is_text_pointer(const av *p)
{
    return p->kind == AV_BOX && p->box->kind == AV_AGG && p->box->names;
}

/* arr with element idx set to val: an element of an array the engine
 * holds, at an index it knows (out.dims[d] = ...); elements past those
 * the value lists (a shape's dims past its rank) are zero or unknown, as
 * the value says; an array it held nothing of (not initialized, a
 * variable-length array) has unknown elements but this one.  len is the
 * declared length (-1: unknown).  Unknown when the index is. */
static const av *with_element(sc_engine *e, const av *arr, const av *idx,
                              const av *val, int64_t len)
{
    enum { MAX_ELEMENTS = 4096 };
    if (idx->kind != AV_INT || idx->i < 0 || idx->i >= MAX_ELEMENTS ||
        (len >= 0 && idx->i >= len))
        return av_top();
    if (arr->kind == AV_TOP)
        arr = av_agg(e, 0, NULL, NULL, false);
    if (arr->kind != AV_AGG || arr->names)
        return av_top();
    uint32_t n = (uint64_t)idx->i < arr->nfields ? arr->nfields
                                                 : (uint32_t)idx->i + 1;
    const av **vals = sc_alloc(&e->arena, n * sizeof *vals);
    for (uint32_t k = 0; k < n; k++)
        vals[k] = k < arr->nfields ? arr->vals[k]
                  : arr->zero_rest ? av_int(e, 0) : av_top();
    vals[idx->i] = val;
    return av_agg(e, n, NULL, vals, arr->zero_rest);
}

/* The store of val into target, which lvalue() could not place: the
 * pointer (already evaluated by lvalue for *p) is only peeked at; an
 * index is evaluated here, once. */
static void forget_store(fctx *f, sc_state *st, const ir_expr *target,
                         const av *val)
{
    while (target->kind == IR_CAST)
        target = target->kids[0];
    if (target->kind == IR_DEREF) {
        const av *p = peek(f, target->kids[0], st);
        if (is_text_pointer(p))
            store_into_text(f, st, p, av_int(f->e, 0), val);
        else
            forget_texts(f, st);
        return;
    }
    if (target->kind != IR_INDEX)
        return;
    const ir_expr *base = target->kids[0];
    if (base->type.kind == IR_T_ARRAY) {
        lval a = lvalue(f, base, st);
        const av *arr = a.known ? load(f, st, &a) : av_top();
        const av *idx = eval_once(f, target->kids[1], st);
        if (!a.known) {
            forget_texts(f, st);
            return;
        }
        store(f, st, &a, with_element(f->e, arr, idx, val,
                                      base->type.array_len));
        return;
    }
    const av *p = peek(f, base, st);
    const av *idx = eval_once(f, target->kids[1], st);
    if (is_text_pointer(p))
        store_into_text(f, st, p, idx, val);
    else if (p->kind == AV_REF)     /* p[k] of p = arr (a parameter) */
        state_set(f->e, st, p->frame, p->slot,
                  with_element(f->e, state_get(st, p->frame, p->slot), idx,
                               val, -1));
    else
        forget_texts(f, st);
}

static const av *load(fctx *f, sc_state *st, const lval *l)
{
    if (!l->known)
        return av_top();
    return get_path(f->e, state_get(st, l->frame, l->slot), l->path, l->npath);
}

/* ---- calls ---- */

/* printf-style formatting of known arguments; NULL if anything is unknown */
static const char *format(sc_engine *e, const sc_state *st, const av *fmtv,
                          const av **args, uint32_t nargs)
{
    if (fmtv->kind == AV_REF)
        fmtv = state_get(st, fmtv->frame, fmtv->slot);
    if (fmtv->kind != AV_STR)
        return NULL;
    const char *p = fmtv->s;
    size_t cap = 256, len = 0;
    char *out = sc_xmalloc(cap);
    uint32_t ai = 0;
    const char *result = NULL;
    while (*p) {
        char piece[512];
        int n;
        if (*p != '%') {
            piece[0] = *p++;
            piece[1] = '\0';
            n = 1;
        } else if (p[1] == '%') {
            p += 2;
            strcpy(piece, "%");
            n = 1;
        } else {
            /* %[flags][width][.prec][length]conv */
            char spec[32];
            size_t k = 0;
            spec[k++] = *p++;
            while (*p && strchr("-+ #0", *p) && k < 20)
                spec[k++] = *p++;
            while (*p >= '0' && *p <= '9' && k < 24)
                spec[k++] = *p++;
            if (*p == '.') {
                spec[k++] = *p++;
                while (*p >= '0' && *p <= '9' && k < 28)
                    spec[k++] = *p++;
            }
            while (*p && strchr("hlzjt", *p))
                p++;                  /* lengths: we print as long long */
            char conv = *p ? *p++ : '\0';
            if (ai >= nargs || k > 28)
                goto out;
            const av *a = args[ai++];
            if (strchr("diuxXoc", conv) && conv) {
                if (a->kind != AV_INT)
                    goto out;
                if (conv == 'c') {
                    spec[k++] = 'c';
                    spec[k] = '\0';
                    n = snprintf(piece, sizeof piece, spec, (int)a->i);
                } else {
                    spec[k++] = 'l';
                    spec[k++] = 'l';
                    spec[k++] = conv;
                    spec[k] = '\0';
                    if (conv == 'd' || conv == 'i')
                        n = snprintf(piece, sizeof piece, spec, (long long)a->i);
                    else
                        n = snprintf(piece, sizeof piece, spec,
                                     (unsigned long long)a->i);
                }
            } else if (conv == 's') {
                if (a->kind == AV_REF)
                    a = state_get(st, a->frame, a->slot);
                if (a->kind != AV_STR || a->maybe_null)
                    goto out;
                spec[k++] = 's';
                spec[k] = '\0';
                n = snprintf(piece, sizeof piece, spec, a->s);
            } else {
                goto out;
            }
            if (n < 0 || (size_t)n >= sizeof piece)
                goto out;
        }
        if (len + (size_t)n + 1 > cap) {
            cap = (len + (size_t)n + 1) * 2;
            out = sc_xrealloc(out, cap);
        }
        memcpy(out + len, piece, (size_t)n);
        len += (size_t)n;
    }
    result = sc_istrn(e, out, len);
out:
    free(out);
    return result;
}

static const char *const noreturn_fns[] = {"exit", "abort", "_Exit",
                                           "quick_exit", "__assert_fail",
                                           "longjmp", NULL};
/* Library functions that neither keep nor change what our values point to. */
static const char *const pure_fns[] = {
    "printf", "fprintf", "puts", "fputs", "putchar", "fputc", "strlen",
    "strcmp", "strncmp", "strchr", "strrchr", "strstr", "atoi", "atol",
    "strtol", "strtoul", "abs", "fflush", "perror", "assert", "free",
    "malloc", "calloc", "realloc", "getenv", "rand", "srand", "time",
    "memcmp", "isalpha", "isdigit", "isspace", "toupper", "tolower", NULL};

static bool in_list(const char *const *list, const char *name)
{
    for (; *list; list++)
        if (strcmp(*list, name) == 0)
            return true;
    return false;
}

/* An external function we cannot see: values it could change through
 * pointers become unknown, and so does any graph handed to it. */
static void havoc_call(fctx *f, sc_state *st, const av **args, uint32_t n)
{
    sc_engine *e = f->e;
    for (uint32_t i = 0; i < n; i++) {
        const av *a = args[i];
        if (a->kind == AV_REF)
            state_set(e, st, a->frame, a->slot, av_top());
        if (a->kind == AV_GRAPH || a->kind == AV_REF) {
            for (uint32_t g = 0; g < st->ngraphs; g++) {
                if (a->kind == AV_GRAPH && st->graphs[g]->id != a->id)
                    continue;
                if (a->kind == AV_REF)
                    continue;     /* a struct that may hold a graph: ignore */
                sc_graph *c = graph_copy(e, st->graphs[g]);
                graph_forget_stack(e, c);
                c->names_unknown = plist_add(e, c->names_unknown, sc_istr(e, ""));
                c->store_unknown = plist_add(e, c->store_unknown, sc_istr(e, ""));
                c->counts_unknown = true;
                graph_forget_vars(e, c);
                state_set_graph(e, st, c);
            }
        }
    }
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
                      sc_state *st, const av **args, uint32_t nargs,
                      sc_svs *out);

static const char *const setjmp_fns[] = {"setjmp", "_setjmp", "sigsetjmp",
                                         "__sigsetjmp", "__builtin_setjmp",
                                         NULL};
static void call_setjmp(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out);

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

/* A call through a pointer whose target the engine does not know.  It
 * may be any function of the program whose address is taken and that
 * takes this many arguments (up to MAX_TARGETS of them), or one outside
 * the program: each candidate is followed on a doubtful copy of the path
 * (what fails in it is a "could fail", --strict), and the path goes on as
 * after a call the engine cannot see (havoc).  With no candidate, or too
 * many, only the latter, and a note says the call is not checked. */
#define MAX_TARGETS 8
static void call_unknown_target(fctx *f, const ir_expr *x, sc_state *st,
                                const av **args, uint32_t nargs, sc_svs *out)
{
    sc_engine *e = f->e;
    const sc_program *prog = f->in->prog;
    const sc_fn *cand[MAX_TARGETS];
    size_t n = 0;
    bool too_many = false;
    for (size_t i = 0; i < prog->nfns; i++) {
        const sc_fn *fn = &prog->fns[i];
        if (!fn->address_taken || !fn->reaches || fn->fn->nparams != nargs)
            continue;
        if (n == MAX_TARGETS) {
            too_many = true;
            break;
        }
        cand[n++] = fn;
    }
    if (n == 0 || too_many || over_budget(f->in)) {
        sc_site at = site_of(f, x->loc);
        sc_unchecked(e, &at, SC_STOP_UNKNOWN_CALLEE, NULL);
    } else {
        for (size_t i = 0; i < n; i++) {
            sc_state *c = state_clone(e, st);
            c->tainted = true;
            call_user(f, cand[i], x, c, args, nargs, out);
        }
    }
    havoc_call(f, st, args, nargs);
    push_sv(out, st, av_top());
}

/* A template's builder, called with (graph, input, user): a function
 * the engine cannot name is one it cannot follow: whatever the builder
 * did to the graph is unknown, and so is whether one of its calls failed
 * or it left a scope open. */
static void call_builder(fctx *f, sc_state *st, const av *fn,
                         const av **args, sc_svs *out)
{
    sc_engine *e = f->e;
    (void)fn;
    for (uint32_t g = 0; g < st->ngraphs; g++) {
        if (args[0]->kind == AV_GRAPH && st->graphs[g]->id != args[0]->id)
            continue;
        sc_graph *c = graph_copy(e, st->graphs[g]);
        graph_forget_stack(e, c);
        c->names_unknown = plist_add(e, c->names_unknown, sc_istr(e, ""));
        c->store_unknown = plist_add(e, c->store_unknown, sc_istr(e, ""));
        c->counts_unknown = true;
        c->reported = SC_COUNT_TOP;
        graph_forget_vars(e, c);
        state_set_graph(e, st, c);
    }
    push_sv(out, st, av_or_null(e, av_tensor(e, NULL, false)));
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
        (void)x;
        call_builder(f, runs.items[i].st, runs.items[i].fn, runs.items[i].args,
                     &res);
        for (size_t k = 0; k < res.len; k++)
            model_template_return(f->e, res.items[k].st, runs.items[i].call,
                                  res.items[k].v, site, out);
        SC_VEC_FREE(res);
    }
    SC_VEC_FREE(runs);
}

static void call(fctx *f, const ir_expr *x, sc_state *st, const av **args,
                 uint32_t nargs, sc_svs *out)
{
    sc_engine *e = f->e;
    const char *name = x->str;
    if (!name) {                  /* through a function pointer */
        call_unknown_target(f, x, st, args, nargs, out);
        return;
    }
    const vs_fn_info *lib = program_library_function(f->in->prog, name);
    if (lib) {
        sc_site site = site_of(f, x->loc);
        forwarded_site(f, x, lib, args, nargs, &site);
        vs_fn_id id = vs__fn_id(lib);
        if (id == VS_FN_vs_graph_free && nargs > (uint32_t)lib->graph) {
            const sc_graph *g = model_graph_arg(st, args[lib->graph]);
            if (g)
                checkers_graph_free(f->in->checkers, st, g, &site);
        }
        if (id == VS_FN_vs_template_call) {
            template_call(f, x, st, args, nargs, &site, out);
            return;
        }
        model_call(e, id, st, args, nargs, &site, out);
        return;
    }
    const sc_fn *fn = program_find(f->in->prog, f->fr.unit, name);
    if (fn) {
        call_user(f, fn, x, st, args, nargs, out);
        return;
    }
    if (in_list(noreturn_fns, name))
        return;                   /* the path ends here */
    if (in_list(setjmp_fns, name)) {
        call_setjmp(f, x, st, out);
        return;
    }
    bool is_snprintf = strcmp(name, "snprintf") == 0;
    if ((is_snprintf || strcmp(name, "sprintf") == 0) && nargs >= (is_snprintf ? 3u : 2u)) {
        uint32_t fa = is_snprintf ? 2 : 1;
        const char *s = format(e, st, args[fa], args + fa + 1, nargs - fa - 1);
        if (s && is_snprintf && args[1]->kind == AV_INT && args[1]->i >= 0 &&
            (int64_t)strlen(s) >= args[1]->i)
            s = args[1]->i > 0 ? sc_istrn(e, s, (size_t)args[1]->i - 1)
                               : NULL;
        if (args[0]->kind == AV_REF)
            state_set(e, st, args[0]->frame, args[0]->slot,
                      s ? av_str(e, s) : av_top());
        push_sv(out, st, s ? av_int(e, (int64_t)strlen(s)) : av_top());
        return;
    }
    if ((strcmp(name, "strcpy") == 0 || strcmp(name, "strncpy") == 0 ||
         strcmp(name, "strcat") == 0) && nargs >= 2 && args[0]->kind == AV_REF) {
        const av *src = args[1]->kind == AV_REF
                            ? state_get(st, args[1]->frame, args[1]->slot)
                            : args[1];
        const av *val = av_top();
        if (name[3] == 'c' && name[4] == 'a') {      /* strcat */
            const av *dst = state_get(st, args[0]->frame, args[0]->slot);
            if (dst->kind == AV_STR && src->kind == AV_STR)
                val = av_str(e, sc_fmt(e, "%s%s", dst->s, src->s));
        } else if (src->kind == AV_STR && name[3] == 'c') {
            val = src;                                /* strcpy */
        }
        state_set(e, st, args[0]->frame, args[0]->slot, val);
        push_sv(out, st, args[0]);
        return;
    }
    /* strchr / strrchr / strstr over a known text: NULL when it is not
     * there, else a pointer into the text (a box: a store through it is
     * one the engine cannot place, which forgets the texts it knows) */
    if ((strcmp(name, "strchr") == 0 || strcmp(name, "strrchr") == 0 ||
         strcmp(name, "strstr") == 0) && nargs == 2) {
        const av *hay = args[0]->kind == AV_REF
                            ? state_get(st, args[0]->frame, args[0]->slot)
                            : args[0];
        const av *needle = args[1]->kind == AV_REF
                               ? state_get(st, args[1]->frame, args[1]->slot)
                               : args[1];
        const char *at = NULL;
        bool known = hay->kind == AV_STR;
        if (known && name[3] == 's' && needle->kind == AV_STR)
            at = strstr(hay->s, needle->s);
        else if (known && name[3] != 's' && needle->kind == AV_INT)
            at = name[3] == 'c' ? strchr(hay->s, (int)needle->i)
                                : strrchr(hay->s, (int)needle->i);
        else
            known = false;
        if (known) {
            push_sv(out, st, at ? text_pointer(e, args[0], hay->s,
                                               (size_t)(at - hay->s))
                                : av_null());
            return;
        }
    }
    if (!in_list(pure_fns, name))
        havoc_call(f, st, args, nargs);
    /* getenv("X"), atoi(s): unknown, but one value each, which the
     * path's tests can then say things about */
    push_sv(out, st, av_unknown(e));
}

/* Evaluates the arguments left to right; each combination is called. */
static void eval_call(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out)
{
    uint32_t nargs = x->nkids ? x->nkids - 1 : 0;
    if (!x->str && x->nkids > 0) {
        sc_svs c = {0};
        eval(f, x->kids[0], st, &c);      /* the callee expression */
        if (c.len) st = c.items[0].st;
        SC_VEC_FREE(c);
    }
    /* a worklist of partial argument lists */
    typedef struct partial { sc_state *st; const av **args; } partial;
    typedef SC_VEC(partial) partials;
    partials cur = {0}, next = {0};
    partial p0 = {st, sc_alloc(&f->e->arena, (nargs + 1) * sizeof(const av *))};
    SC_PUSH(cur, p0);
    for (uint32_t i = 0; i < nargs; i++) {
        for (size_t k = 0; k < cur.len; k++) {
            sc_svs v = {0};
            eval(f, x->kids[i + 1], cur.items[k].st, &v);
            for (size_t m = 0; m < v.len; m++) {
                partial p = {v.items[m].st, cur.items[k].args};
                if (m > 0) {
                    p.args = sc_alloc(&f->e->arena, (nargs + 1) * sizeof(const av *));
                    if (i)
                        memcpy(p.args, cur.items[k].args, i * sizeof(const av *));
                }
                p.args[i] = v.items[m].v;
                SC_PUSH(next, p);
            }
            SC_VEC_FREE(v);
        }
        cur.len = 0;
        partials t = cur;
        cur = next;
        next = t;
    }
    for (size_t k = 0; k < cur.len; k++)
        call(f, x, cur.items[k].st, cur.items[k].args, nargs, out);
    SC_VEC_FREE(cur);
    SC_VEC_FREE(next);
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
        for (uint32_t i = 0; i < x->nkids; i++)
            if (!literal(x->kids[i]))
                return false;
        return true;
    default:
        return false;
    }
}

static const av NOT_LITERAL = {.kind = AV_TOP};

/* An aggregate of literals (a call's options, `VS_SHAPE(2)`) is evaluated
 * once, and its value shared by every path and every later evaluation:
 * each call on each path would otherwise build the same struct again.
 * False if x is not one (then it is evaluated as usual). */
static bool eval_literal(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out)
{
    sc_interp *in = f->in;
    uint64_t h = pm_hash_int((uint64_t)(uintptr_t)x);
    const av *v = pm_get(in->literals, x, h);
    if (!v) {
        v = &NOT_LITERAL;
        if (literal(x)) {
            sc_svs one = {0};
            in->literals = pm_set_edit(&f->e->arena, in->literals, x, h,
                                       &NOT_LITERAL, in->literals_edit);
            eval(f, x, st, &one);  /* NOT_LITERAL now: evaluated as usual */
            assert(one.len == 1 && one.items[0].st == st);
            v = one.items[0].v;
            SC_VEC_FREE(one);
        }
        in->literals = pm_set_edit(&f->e->arena, in->literals, x, h, v,
                                   in->literals_edit);
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
        push_sv(out, st, av_int(e, x->ival));
        return;
    case IR_FLOAT:
        push_sv(out, st, av_float(e, x->fval));
        return;
    case IR_FUNCREF:
        push_sv(out, st, av_top());
        return;
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
            const av *fv = v->kind == AV_TOP ? facts_value(&f->fr, x, st) : NULL;
            push_sv(out, st, fv ? fv : v);
            return;
        }
        /* an array names its storage: it decays to a pointer to it */
        if (x->type.kind == IR_T_ARRAY)
            push_sv(out, st, av_ref(e, frame, slot));
        else
            push_sv(out, st, state_get(st, frame, slot));
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
                decide(f, x->kids[0], bst, a.items[i].v, &y, &n);
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
                    r = tb < 0 ? av_range(e, true, 0, true, 1) : av_int(e, tb);
                } else {
                    r = av_binop(e, x->op, a.items[i].v, b.items[k].v);
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
            decide(f, x->kids[0], c.items[i].st, c.items[i].v, &y, &n);
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
        for (size_t i = 0; i < v.len; i++) {
            sc_state *s = v.items[i].st;
            lval l = lvalue(f, x->kids[0], s);
            const av *val = v.items[i].v, *old = NULL;
            if (x->kind == IR_INCDEC) {
                old = load(f, s, &l);
                bool inc = x->op == IR_PREINC || x->op == IR_POSTINC;
                val = av_binop(e, inc ? IR_ADD : IR_SUB, old, val);
            } else if (x->op) {
                val = av_binop(e, x->op, load(f, s, &l), val);
            } else if (x->kids[0]->kind == IR_SYM &&
                       x->kids[0]->type.kind == IR_T_INT) {
                val = facts_bind_value(&f->fr, x->kids[1], s, val);
            }
            if (l.known)
                store(f, s, &l, val);
            else
                forget_store(f, s, x->kids[0], val);
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
        sc_svs v = {0};
        eval(f, x->kids[0], st, &v);
        const char *fname = sc_istr(e, x->str);
        for (size_t i = 0; i < v.len; i++) {
            const av *b = v.items[i].v;
            if (x->op == 1)
                b = b->kind == AV_REF   ? state_get(v.items[i].st, b->frame, b->slot)
                    : b->kind == AV_BOX ? b->box
                                        : av_top();
            push_sv(out, v.items[i].st, av_field(e, b, fname));
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
                const av *arr = a.items[i].v;
                bool ref = arr->kind == AV_REF;
                if (ref)
                    arr = state_get(b.items[k].st, arr->frame, arr->slot);
                const av *idx = b.items[k].v, *r = av_top();
                if (arr->kind == AV_AGG && !arr->names && idx->kind == AV_INT &&
                    idx->i >= 0 && (uint64_t)idx->i < arr->nfields)
                    r = arr->vals[idx->i];
                /* p[0] of p = &x, x a single value (not an array, nor a
                 * buffer's text): x itself */
                else if (ref && idx->kind == AV_INT && idx->i == 0 &&
                         arr->kind != AV_AGG && arr->kind != AV_STR &&
                         arr->kind != AV_TOP)
                    r = arr;
                push_sv(out, b.items[k].st, r);
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
        if (k->kind == IR_SYM) {
            uint32_t frame = k->symscope == IR_LOCAL ? f->fr.frame : 0;
            uint32_t slot = k->symscope == IR_LOCAL ? k->sym
                                                    : global_slot(f, k->sym);
            push_sv(out, st, av_ref(e, frame, slot));
            return;
        }
        sc_svs v = {0};
        eval(f, k, st, &v);
        for (size_t i = 0; i < v.len; i++)
            push_sv(out, v.items[i].st,
                    k->kind == IR_INIT ? av_box(e, v.items[i].v) : av_top());
        SC_VEC_FREE(v);
        return;
    }
    case IR_DEREF: {
        sc_svs v = {0};
        eval(f, x->kids[0], st, &v);
        for (size_t i = 0; i < v.len; i++) {
            const av *p = v.items[i].v;
            push_sv(out, v.items[i].st,
                    p->kind == AV_REF   ? state_get(v.items[i].st, p->frame, p->slot)
                    : p->kind == AV_BOX ? p->box
                                        : av_top());
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
        for (size_t i = 0; i < cur.len; i++)
            push_sv(out, cur.items[i], av_top());
        SC_VEC_FREE(cur);
        return;
    }
    }
    push_sv(out, st, av_top());
}

/* An initializer list: its items evaluated in order, each of which may
 * split the path (a call that may fail inside a compound literal), so the
 * result is one aggregate per path. */
static void aggregate(fctx *f, const ir_expr *x, sc_state *st, sc_svs *out)
{
    sc_engine *e = f->e;
    bool is_struct = x->type.kind != IR_T_ARRAY;
    uint32_t n = x->nkids;
    typedef struct partial { sc_state *st; const av **vals; bool unknown; } partial;
    typedef SC_VEC(partial) partials;
    partials cur = {0}, next = {0};
    partial p0 = {st, sc_alloc(&e->arena, (n + 1) * sizeof(const av *)), false};
    SC_PUSH(cur, p0);
    for (uint32_t i = 0; i < n; i++) {
        for (size_t k = 0; k < cur.len; k++) {
            sc_svs v = {0};
            eval(f, x->kids[i], cur.items[k].st, &v);
            for (size_t m = 0; m < v.len; m++) {
                partial p = cur.items[k];
                p.st = v.items[m].st;
                if (m > 0) {
                    p.vals = sc_alloc(&e->arena, (n + 1) * sizeof(const av *));
                    if (i)
                        memcpy(p.vals, cur.items[k].vals, i * sizeof(const av *));
                }
                p.vals[i] = v.items[m].v;
                SC_PUSH(next, p);
            }
            SC_VEC_FREE(v);
        }
        cur.len = 0;
        partials t = cur;
        cur = next;
        next = t;
    }
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
        push_sv(out, cur.items[p].st,
                unk ? av_top() : av_agg(e, kk, is_struct ? names : NULL, vals, true));
    }
    SC_VEC_FREE(cur);
    SC_VEC_FREE(next);
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
    for (uint32_t i = 0; i < x->nkids; i++)
        if (reads_lost(f, x->kids[i], st))
            return true;
    return false;
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
            bool lost = reads_lost(f, cond, v.items[k].st);
            if (decide(f, cond, v.items[k].st, v.items[k].v, &y, &n) < 0) {
                *unknown = true;
                /* decided by a value the engine lost: either side may be
                 * a path no run takes */
                if (lost && y)
                    y->tainted = true;
                if (lost && n)
                    n->tainted = true;
            }
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
typedef struct written_set {
    bool *w, *gw;
    uint32_t n, gn;
    uint32_t after;               /* only writes past this source offset */
} written_set;

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
    while (base && (base->kind == IR_MEMBER || base->kind == IR_INDEX ||
                    base->kind == IR_CAST))
        base = base->kids[0];
    if (base && base->kind == IR_SYM && base->symscope == IR_LOCAL && base->sym < ws->n)
        ws->w[base->sym] = true;
    if (base && base->kind == IR_SYM && base->symscope == IR_GLOBAL && base->sym < ws->gn)
        ws->gw[base->sym] = true;
    for (uint32_t i = 0; i < x->nkids; i++)
        mark_written_expr(x->kids[i], ws);
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
}

/* Every variable of the frame (and global of the unit) the code writes
 * becomes unknown; the others keep what the path knows, narrowed by the
 * loop's tests or not (`i < mode` on a later turn says mode >= 2, and so
 * it is on every later one). */
static const av *av_lost(sc_engine *e)
{
    av *v = sc_alloc(&e->arena, sizeof *v);
    v->kind = AV_TOP;
    v->lost = true;
    return v;
}

static void widen(fctx *f, sc_state *st, const written_set *ws)
{
    for (uint32_t slot = 0; slot < ws->n; slot++)
        if (ws->w[slot])
            state_set(f->e, st, f->fr.frame, slot, av_lost(f->e));
    for (uint32_t g = 0; g < ws->gn; g++)
        if (ws->gw[g])
            state_set(f->e, st, 0, global_slot(f, g), av_lost(f->e));
}

/* Could running this code change a graph: a call into the library, into
 * a function of the program that reaches it, or through a function
 * pointer?  (A function the engine cannot see is taken not to call back
 * into the library, as havoc_call takes it.) */
static bool expr_may_touch_graphs(fctx *f, const ir_expr *x)
{
    if (!x)
        return false;
    if (x->kind == IR_CALL) {
        if (!x->str || program_library_function(f->in->prog, x->str))
            return true;
        const sc_fn *fn = program_find(f->in->prog, f->fr.unit, x->str);
        if (fn && fn->reaches)
            return true;
    }
    for (uint32_t i = 0; i < x->nkids; i++)
        if (expr_may_touch_graphs(f, x->kids[i]))
            return true;
    return false;
}

static bool may_touch_graphs(fctx *f, const ir_stmt *s)
{
    if (!s)
        return false;
    if (expr_may_touch_graphs(f, s->e) || expr_may_touch_graphs(f, s->step) ||
        may_touch_graphs(f, s->init))
        return true;
    for (uint32_t i = 0; i < s->nbody; i++)
        if (may_touch_graphs(f, s->body[i]))
            return true;
    return false;
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
 * widened states standing for it. */
static void later_turn(fctx *f, const ir_stmt *s, const sc_states *widened)
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
    SC_VEC_FREE(go);
    SC_VEC_FREE(no);
    SC_VEC_FREE(brk);
    SC_VEC_FREE(cont);
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
                    forget_graph_contents(e, cur.items[k]);
            }
            if (capped && touches) {
                sc_site at = {s->loc, f->fr.unit, f->chain, saved_iter};
                sc_unchecked(e, &at, SC_STOP_LOOP_CAP, NULL);
            }
            if (!over_budget(f->in))
                later_turn(f, s, &cur);
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
                    /* char buf[] = "x": the array holds the text */
                    if (sym->type.kind == IR_T_ARRAY && val->kind == AV_REF)
                        val = state_get(v.items[k].st, val->frame, val->slot);
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
    in->max_states = cap_at(depth);
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

static void call_user(fctx *f, const sc_fn *fn, const ir_expr *x,
                      sc_state *st, const av **args, uint32_t nargs,
                      sc_svs *out)
{
    sc_engine *e = f->e;
    int count;
    int max_depth = f->in->call_depth > 0 ? f->in->call_depth : 32;
    on_chain(f->chain, fn->fn->name, &count);
    bool too_deep = f->depth >= max_depth;
    if (too_deep || count >= 2 || stop_for_budget(f, x->loc)) {
        if (too_deep || count >= 2) {
            sc_site at = site_of(f, x->loc);
            sc_unchecked(e, &at, too_deep ? SC_STOP_CALL_DEPTH : SC_STOP_RECURSION,
                         fn->fn->name);
        }
        havoc_call(f, st, args, nargs);
        push_sv(out, st, av_top());
        return;
    }
    sc_chain *c = sc_alloc(&e->arena, sizeof *c);
    c->call = x->loc;
    c->unit = f->fr.unit;
    c->callee = fn->fn->name;
    c->up = f->chain;
    /* push a frame holding the parameters */
    state_push_frame(e, st);
    for (uint32_t i = 0; i < fn->fn->nparams && i < nargs; i++)
        state_set(e, st, st->nframes - 1, i, args[i]);
    sc_svs res = {0};
    run_function(f->in, fn, st, f, x, args, nargs, c, f->depth + 1, &res);
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
                case IR_T_STRUCT: v = av_agg(e, 0, NULL, NULL, true); break;
                default: break;
                }
            }
            if (g->is_extern && state_get(st, 0, slot)->kind != AV_TOP)
                continue;         /* defined elsewhere */
            state_set(e, st, 0, slot, v);
        }
    }
}

void interp_run_entry(sc_interp *in, const sc_fn *fn, ir_unit *const *units,
                      size_t nunits)
{
    sc_engine *e = in->e;
    sc_state *st = state_new(e);
    init_globals(in, st, units, nunits);
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
    sc_svs res = {0};
    in->steps = 0;
    in->budget_said = false;
    e->uncalled_entry = !is_main;
    run_function(in, fn, st, NULL, NULL, NULL, 0, NULL, 0, &res);
    if (is_main) {
        sc_site end = {fn->fn->end_loc, fn->unit, NULL, NULL};
        for (size_t i = 0; i < res.len; i++)
            checkers_end_program(in->checkers, res.items[i].st, &end);
    }
    e->uncalled_entry = false;
    SC_VEC_FREE(res);
}
