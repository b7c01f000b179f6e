/* Memory: places, loads, stores and char arrays (see mem.h). */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Paths longer than this are not followed (the pointer is unknown). */
#define MEM_MAX_PATH 16

/* ---- places ---- */

/* The place p's target is: the variable and the full path to it (the
 * element step included).  False when p is not a pointer into the
 * program's variables. */
typedef struct place {
    uint32_t frame, slot;
    uint32_t n;
    av_step steps[MEM_MAX_PATH + 1];
} place;

static bool target_of(const av *p, place *pl)
{
    if (p->kind != AV_REF || p->npath > MEM_MAX_PATH)
        return false;
    pl->frame = p->frame;
    pl->slot = p->slot;
    pl->n = p->npath;
    if (p->npath)
        memcpy(pl->steps, p->path, p->npath * sizeof *p->path);
    if (p->elem) {
        pl->steps[pl->n].field = NULL;
        pl->steps[pl->n].index = p->off_unknown ? AV_ANY_INDEX : p->off;
        pl->n++;
    }
    return true;
}

static bool has_any(const av_step *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (!s[i].field && s[i].index == AV_ANY_INDEX)
            return true;
    return false;
}

/* A pointer to the place (frame, slot, steps[0..n)): into an array when
 * the last step is an index. */
static const av *pointer_to(sc_engine *e, uint32_t frame, uint32_t slot,
                            const av_step *steps, uint32_t n)
{
    bool elem = n > 0 && !steps[n - 1].field;
    uint32_t np = elem ? n - 1 : n;
    if (np > MEM_MAX_PATH)
        return av_top();
    av_step *path = NULL;
    if (np) {
        path = sc_alloc(&e->arena, np * sizeof *path);
        memcpy(path, steps, np * sizeof *path);
    }
    int64_t off = elem ? steps[n - 1].index : 0;
    return av_place(e, frame, slot, np, path, elem, off == AV_ANY_INDEX,
                    off == AV_ANY_INDEX ? 0 : off);
}

/* A value that is zero read as a struct or an array is all zeros (a
 * field {0} did not list). */
static bool zero_value(const av *v)
{
    return v->kind == AV_INT && v->i == 0;
}

static const av *get_at(sc_engine *e, const av *v, const av_step *s,
                        uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (zero_value(v))
            return v;
        v = s[i].field ? av_field(e, v, s[i].field) : av_elem(e, v, s[i].index);
    }
    return v;
}

/* v with the value at steps[0..n) set to val (a new value; v unchanged) */
static const av *set_at(sc_engine *e, const av *v, const av_step *s,
                        uint32_t n, const av *val)
{
    if (n == 0)
        return val;
    if (s->field) {
        /* a struct (names not NULL, none listed yet): all zeros after a
         * memset, else fields nobody knows */
        static const char *no_names[1];
        const av *base = v;
        if (zero_value(v))
            base = av_agg(e, 0, no_names, NULL, true);
        else if (!(v->kind == AV_AGG && v->names))
            base = av_agg(e, 0, no_names, NULL, false);
        const av *inner = av_field(e, base, s->field);
        return av_with_field(e, base, s->field,
                             set_at(e, inner, s + 1, n - 1, val));
    }
    if (s->index == AV_ANY_INDEX)
        return av_top();          /* some element changed: all unknown */
    const av *base = v;
    if (zero_value(v))
        base = av_agg(e, 0, NULL, NULL, true);
    else if (!(v->kind == AV_AGG && !v->names))
        base = av_agg(e, 0, NULL, NULL, false);
    const av *inner = av_elem(e, base, s->index);
    const av *r = av_with_elem(e, base, s->index,
                               set_at(e, inner, s + 1, n - 1, val));
    return r ? r : av_top();
}

static const av *value_at(sc_engine *e, const sc_state *st, const place *pl)
{
    return get_at(e, state_get(st, pl->frame, pl->slot), pl->steps, pl->n);
}

static void set_place(sc_engine *e, sc_state *st, const place *pl,
                      const av *val)
{
    const av *root = state_get(st, pl->frame, pl->slot);
    state_set(e, st, pl->frame, pl->slot, set_at(e, root, pl->steps, pl->n, val));
}

/* ---- char arrays ---- */

static bool container_text(const av *c, mem_text *t)
{
    if (c->kind == AV_STR) {
        t->s = c->s;
        t->n = strlen(c->s);
        t->closed = !c->open;
        t->zero_rest = c->zero_rest;
        return true;
    }
    if (zero_value(c)) {          /* a char array {0} left zero */
        t->s = "";
        t->n = 0;
        t->closed = t->zero_rest = true;
        return true;
    }
    return false;
}

/* The array value of known bytes buf[0..len) (then zeros if zero_rest,
 * else unknown bytes), as C would read it: up to its first NUL, and the
 * bytes after it, if any are known, as the value's rest. */
static const av *chars_value(sc_engine *e, const char *buf, size_t len,
                             bool zero_rest)
{
    const char *nul = memchr(buf, 0, len);
    if (!nul && len == 0 && !zero_rest)
        return av_top();          /* nothing known */
    if (!nul)                     /* no NUL known: closed only by zeros */
        return av_bytes(e, sc_istrn(e, buf, len), !zero_rest, zero_rest);
    size_t j = (size_t)(nul - buf);
    bool zeros = zero_rest;
    for (size_t k = j; k < len && zeros; k++)
        zeros = buf[k] == 0;
    if (zeros || j + 1 >= len)
        return av_bytes(e, sc_istrn(e, buf, j), false, zeros);
    const av *rest = chars_value(e, buf + j + 1, len - j - 1, zero_rest);
    av *v = (av *)av_bytes(e, sc_istrn(e, buf, j), false, false);
    if (rest->kind == AV_STR)
        v->rest = rest;
    return v;
}

/* Every byte a char array's value c knows, NULs included: *len of them,
 * then zeros (*zero_rest) or bytes nobody knows.  The caller frees. */
static char *known_bytes(const av *c, size_t *len, bool *zero_rest)
{
    size_t cap = 64, n = 0;
    char *buf = sc_xmalloc(cap);
    *zero_rest = false;
    if (c->kind == AV_INT && c->i == 0) {   /* a char array {0} left zero */
        *zero_rest = true;
        *len = 0;
        return buf;
    }
    while (c && c->kind == AV_STR) {
        size_t m = strlen(c->s);
        if (n + m + 2 > cap) {
            cap = (n + m + 2) * 2;
            buf = sc_xrealloc(buf, cap);
        }
        memcpy(buf + n, c->s, m);
        n += m;
        if (c->open)
            break;
        buf[n++] = '\0';
        if (!c->rest) {
            *zero_rest = c->zero_rest;
            break;
        }
        c = c->rest;
    }
    *len = n;
    return buf;
}

const av *mem_chars(sc_engine *e, const char *b, size_t len,
                    int64_t array_len)
{
    /* an array longer than its initializer is zero-filled past it */
    bool zero_rest = array_len < 0 || (uint64_t)array_len > len;
    return chars_value(e, b, len, zero_rest);
}

/* The container's value after writing m bytes at k (b: the bytes, or
 * NULL: bytes nobody knows from k on). */
static const av *write_bytes(sc_engine *e, const av *c, size_t k,
                             const char *b, size_t m)
{
    size_t len;
    bool zero_rest;
    char *old = known_bytes(c, &len, &zero_rest);
    if (k > len && !zero_rest) {
        /* a gap of bytes nobody knows before the write: what is known is
         * the start */
        const av *r = len ? chars_value(e, old, len, false) : av_top();
        free(old);
        return r;
    }
    size_t end = b ? k + m : k;
    size_t total = len > end ? len : end;
    if (!b)
        total = k;                /* bytes from k on: unknown */
    char *buf = calloc(total + 1, 1);
    if (!buf)
        abort();
    memcpy(buf, old, len < total ? len : total);
    free(old);
    if (b)
        memcpy(buf + k, b, m);
    bool zr = zero_rest && b;
    const av *r = total || zr ? chars_value(e, buf, total, zr) : av_top();
    free(buf);
    return r;
}

/* Bytes written over objects that are not chars (memset(&layers[i], 0,
 * sizeof layers[i]), memcpy into an array of structs): the engine does not
 * know the objects' sizes, so it cannot tell which bytes of which objects
 * changed.  What is before the write's start keeps its value (a write runs
 * forward from its address); from the start on, what the array lists was
 * lost (a test on it is doubtful, not run-time input); a struct written
 * from its start is lost whole.  An array whose unlisted elements were
 * zero ({0}) cannot say "lost from here on": it is lost whole. */
static const av *write_over_objects(sc_engine *e, const av *c, int64_t k)
{
    assert(c->kind == AV_AGG && k >= 0);
    if (c->names || c->zero_rest || k == 0)
        return av_lost(e);
    uint32_t keep = (uint64_t)k < c->nfields ? (uint32_t)k : c->nfields;
    const av **vals = sc_alloc(&e->arena, c->nfields * sizeof *vals + 1);
    for (uint32_t i = 0; i < c->nfields; i++)
        vals[i] = i < keep ? c->vals[i] : av_lost(e);
    return av_agg(e, c->nfields, NULL, vals, false);
}

/* ---- loads and stores ---- */

const av *mem_peek(sc_engine *e, const sc_state *st, const av *p)
{
    place pl;
    if (p->kind == AV_BOX)
        return p->box;
    if (p->kind == AV_STR)
        return av_elem(e, p, 0);
    if (!target_of(p, &pl))
        return av_top();
    return value_at(e, st, &pl);
}

/* The unknown one step below the unknown aggregate `of` (one run-time
 * value): made once per (aggregate, step), so that every copy of the
 * aggregate reads one value there, and remembered as derived from it
 * (mem_derived_from). */
static const av *derived_step(sc_engine *e, const av *of, const av_step *s)
{
    const av *id = av_ident(of);
    uint64_t h = pm_hash_int((uint64_t)(uintptr_t)id);
    h = pm_hash_int(h ^ (s->field ? (uint64_t)(uintptr_t)s->field
                                  : (uint64_t)s->index * 0x9E3779B97F4A7C15ull + 1));
    const void *key = (const void *)(uintptr_t)(h | 1);
    const av *v = pm_get(e->derived, key, pm_hash_int(h | 1));
    if (v)
        return v;
    v = av_unknown(e);
    if (!e->derived_edit)
        e->derived_edit = sc_new_edit_for(e, &e->derived);
    e->derived = pm_set_edit(&e->arena, e->derived, key, pm_hash_int(h | 1), v,
                             e->derived_edit);
    if (s->field) {
        mem_origin *o = sc_alloc(&e->arena, sizeof *o);
        o->of = id;
        o->field = s->field;
        e->derived = pm_set_edit(&e->arena, e->derived, v,
                                 pm_hash_int((uint64_t)(uintptr_t)v), o, e->derived_edit);
    }
    return v;
}

const mem_origin *mem_derived_from(const sc_engine *e, const av *v)
{
    const av *id = av_ident(v);
    return pm_get(e->derived, id, pm_hash_int((uint64_t)(uintptr_t)id));
}

/* The unknown at pl below an unknown aggregate that is one run-time
 * value (a struct nobody knows, copied into a helper's parameter): one
 * value per (aggregate, path), so reading a field through any copy of
 * the aggregate reads one value.  Below an aggregate the engine lost (a
 * union read through another member, a struct a loop widened), a lost
 * value.  NULL when no such aggregate is on the path. */
static const av *derived(sc_engine *e, sc_state *st, const place *pl)
{
    const av *cur = state_get(st, pl->frame, pl->slot);
    bool below = false;
    for (uint32_t i = 0; i < pl->n; i++) {
        if (cur->kind == AV_TOP && av_is_lost(cur))
            return av_lost(e);    /* read as C reads it, not followed: a
                                     test on it is doubtful */
        if (cur->kind == AV_TOP && cur != av_top()) {
            cur = derived_step(e, cur, &pl->steps[i]);
            below = true;
            continue;
        }
        if (zero_value(cur))
            return NULL;
        const av *next = pl->steps[i].field ? av_field(e, cur, pl->steps[i].field)
                                            : av_elem(e, cur, pl->steps[i].index);
        if (next == av_top() && cur->kind == AV_AGG && cur->names && !cur->zero_rest &&
            pl->steps[i].field) {
            /* a field a struct value does not list, and not zero (a union's
             * other member, a struct known in part): one value of that
             * struct value, in every copy of it */
            next = derived_step(e, cur, &pl->steps[i]);
            below = true;
        } else {
            below = false;
        }
        cur = next;
    }
    return below ? cur : NULL;
}

const av *mem_load(sc_engine *e, sc_state *st, const av *p)
{
    const av *v = mem_peek(e, st, p);
    place pl;
    if (v != av_top() || !target_of(p, &pl) || has_any(pl.steps, pl.n))
        return v;
    /* nothing known there: from now on one value, whoever reads it */
    if (pl.n > 0 && !pl.steps[pl.n - 1].field) {
        const av *c = get_at(e, state_get(st, pl.frame, pl.slot), pl.steps, pl.n - 1);
        if (c->kind == AV_STR)
            return v;             /* a byte nobody knows */
    }
    const av *d = derived(e, st, &pl);
    if (d)
        return d;                 /* one value already, whoever reads it
                                     (and the struct stays the value its
                                     copies share: a parameter still holds
                                     what the call passed) */
    v = av_unknown(e);
    set_place(e, st, &pl, v);
    return v;
}

void mem_store(sc_engine *e, sc_state *st, const av *p, const av *v,
               bool byte)
{
    place pl;
    if (!target_of(p, &pl))
        return;                   /* a pointer nobody knows: see engine.md */
    if (byte && pl.n > 0 && !pl.steps[pl.n - 1].field) {
        /* a char of a char array: the array's bytes change */
        int64_t k = pl.steps[pl.n - 1].index;
        const av *root = state_get(st, pl.frame, pl.slot);
        const av *c = get_at(e, root, pl.steps, pl.n - 1);
        const av *nc;
        if (k == AV_ANY_INDEX || k < 0)
            nc = av_top();
        else if (v->kind == AV_INT) {
            char ch = (char)v->i;
            nc = write_bytes(e, c, (size_t)k, &ch, 1);
        } else
            nc = write_bytes(e, c, (size_t)k, NULL, 1);
        state_set(e, st, pl.frame, pl.slot, set_at(e, root, pl.steps, pl.n - 1, nc));
        return;
    }
    set_place(e, st, &pl, v);
}

const av *mem_member(sc_engine *e, const av *p, const char *field)
{
    place pl;
    if (p->kind != AV_REF || !target_of(p, &pl) || pl.n >= MEM_MAX_PATH)
        return av_top();
    pl.steps[pl.n].field = field;
    pl.steps[pl.n].index = 0;
    pl.n++;
    return pointer_to(e, pl.frame, pl.slot, pl.steps, pl.n);
}

const av *mem_add(sc_engine *e, const av *p, const av *delta)
{
    bool known = delta->kind == AV_INT;
    int64_t d = known ? delta->i : 0;
    if (known && d == 0)
        return p;
    if (p->kind == AV_STR) {
        /* into a string literal (or a copy of a char array's text) */
        /* a string value keeps no memory of the bytes before it, so
         * one that goes back (s + n - 2), past its end, or by an
         * unknown amount is a pointer the engine lost: a test on what it
         * points to is doubtful, not a choice some run makes */
        size_t len = strlen(p->s);
        if (!known || d < 0 || (uint64_t)d > len || p->open)
            return av_lost(e);
        return av_bytes(e, sc_istr(e, p->s + d), false, false);
    }
    if (p->kind != AV_REF || !p->elem)
        return av_lost(e);        /* &x + 1: not followed */
    if (!known || p->off_unknown || d > INT32_MAX || d < INT32_MIN)
        return av_place(e, p->frame, p->slot, p->npath, p->path, true, true, 0);
    return av_place(e, p->frame, p->slot, p->npath, p->path, true, false,
                    p->off + d);
}

const av *mem_widened(sc_engine *e, const av *v)
{
    if (v->kind == AV_REF && v->elem)
        return av_place(e, v->frame, v->slot, v->npath, v->path, true, true, 0);
    return av_top();
}

/* ---- text ---- */

bool mem_text_at(sc_engine *e, const sc_state *st, const av *p, mem_text *t)
{
    if (p->maybe_null)
        return false;
    if (p->kind == AV_STR)
        return container_text(p, t);
    place pl;
    if (p->kind != AV_REF || !target_of(p, &pl) || has_any(pl.steps, pl.n))
        return false;
    int64_t k = 0;
    if (p->elem) {
        k = p->off;
        pl.n--;
    }
    const av *c = value_at(e, st, &pl);
    if (k < 0 || !container_text(c, t))
        return false;
    if ((uint64_t)k <= t->n) {
        t->s += k;
        t->n -= (size_t)k;
        return true;
    }
    /* past the first NUL: the bytes known after it, if any */
    size_t len;
    bool zero_rest;
    char *buf = known_bytes(c, &len, &zero_rest);
    bool ok = true;
    if ((uint64_t)k < len) {
        const char *from = buf + k, *nul = memchr(from, 0, len - (size_t)k);
        size_t n = nul ? (size_t)(nul - from) : len - (size_t)k;
        t->s = sc_istrn(e, from, n);
        t->n = n;
        t->closed = nul || zero_rest;
        t->zero_rest = !nul && zero_rest;
    } else if (zero_rest) {
        t->s = "";
        t->n = 0;
        t->closed = t->zero_rest = true;
    } else {
        ok = false;               /* bytes nobody knows */
    }
    free(buf);
    return ok;
}

const char *mem_string(sc_engine *e, const sc_state *st, const av *p)
{
    mem_text t;
    if (p->kind == AV_STR && !p->open && !p->maybe_null)
        return p->s;
    if (!mem_text_at(e, st, p, &t) || !t.closed)
        return NULL;
    return sc_istrn(e, t.s, t.n);
}

void mem_write(sc_engine *e, sc_state *st, const av *p, const char *b,
               size_t n, bool known)
{
    place pl;
    if (!target_of(p, &pl))
        return;                   /* a pointer nobody knows: see engine.md */
    const av *root = state_get(st, pl.frame, pl.slot);
    if (!p->elem) {
        /* a pointer to a whole char array (&buf): its start */
        pl.steps[pl.n].field = NULL;
        pl.steps[pl.n].index = 0;
        pl.n++;
    }
    int64_t k = pl.steps[pl.n - 1].index;
    const av *c = get_at(e, root, pl.steps, pl.n - 1);
    const av *nc = k == AV_ANY_INDEX || k < 0 || has_any(pl.steps, pl.n - 1)
                       ? av_top()
                   : c->kind == AV_AGG
                       ? write_over_objects(e, c, k)
                       : write_bytes(e, c, (size_t)k, known ? b : NULL,
                                     known ? n : SIZE_MAX);
    /* (set_at makes an array written at an unknown index unknown) */
    state_set(e, st, pl.frame, pl.slot, set_at(e, root, pl.steps, pl.n - 1, nc));
}

/* ---- the heap ---- */

const av *mem_alloc(sc_engine *e, sc_state *st, bool zeroed)
{
    uint32_t slot = MEM_HEAP_SLOT + sc_new_id(e);
    if (zeroed)
        state_set(e, st, 0, slot, av_int(e, 0));
    return av_place(e, 0, slot, 0, NULL, true, false, 0);
}

const av *mem_decay(sc_engine *e, const av *p)
{
    place pl;
    if (!target_of(p, &pl))
        return av_top();
    av_step *path = NULL;
    if (pl.n) {
        path = sc_alloc(&e->arena, pl.n * sizeof *path);
        memcpy(path, pl.steps, pl.n * sizeof *path);
    }
    return av_place(e, pl.frame, pl.slot, pl.n, path, true, false, 0);
}

/* Pointer arithmetic and comparisons (NULL: not about pointers). */
const av *mem_binop(sc_engine *e, int op, const av *a, const av *b)
{
    bool pa = a->kind == AV_REF || a->kind == AV_STR;
    bool pb = b->kind == AV_REF || b->kind == AV_STR;
    if (op == IR_ADD && pa && !pb)
        return mem_add(e, a, b);
    if (op == IR_ADD && pb && !pa)
        return mem_add(e, b, a);
    if (op == IR_SUB && pa && !pb) {
        const av *neg = b->kind == AV_INT ? av_int(e, -b->i) : av_top();
        return mem_add(e, a, neg);
    }
    if (!pa || !pb)
        return NULL;
    if (a->kind == AV_REF && b->kind == AV_REF) {
        bool same = a->frame == b->frame && a->slot == b->slot &&
                    a->npath == b->npath && a->elem == b->elem;
        for (uint32_t i = 0; same && i < a->npath; i++)
            same = a->path[i].field == b->path[i].field &&
                   a->path[i].index == b->path[i].index;
        if (!same) {
            /* two different objects: never equal */
            bool different_vars = a->frame != b->frame || a->slot != b->slot;
            if ((op == IR_EQ || op == IR_NE) && different_vars)
                return av_int(e, op == IR_NE);
            return NULL;
        }
        if (a->off_unknown || b->off_unknown)
            return NULL;
        int64_t x = a->off, y = b->off;
        switch (op) {
        case IR_SUB: return av_int(e, x - y);
        case IR_EQ: return av_int(e, x == y);
        case IR_NE: return av_int(e, x != y);
        case IR_LT: return av_int(e, x < y);
        case IR_GT: return av_int(e, x > y);
        case IR_LE: return av_int(e, x <= y);
        case IR_GE: return av_int(e, x >= y);
        default: return NULL;
        }
    }
    /* a string literal and a variable's array are different objects */
    if ((op == IR_EQ || op == IR_NE) && a->kind != b->kind)
        return av_int(e, op == IR_NE);
    return NULL;
}

/* ---- what unseen code could change ---- */

typedef struct havoc_ctx {
    sc_engine *e;
    sc_state *st;
    void (*graph_fn)(void *ctx, uint32_t id);
    void *ctx;
    int budget;                   /* places visited, at most */
} havoc_ctx;

static void havoc_value(havoc_ctx *h, const av *v);

static void havoc_place(havoc_ctx *h, const av *p)
{
    place pl;
    if (h->budget-- <= 0 || !target_of(p, &pl))
        return;
    /* the whole variable an array element or a field belongs to: code
     * that gets a pointer into it may walk it */
    const av *old = state_get(h->st, pl.frame, pl.slot);
    state_set(h->e, h->st, pl.frame, pl.slot, av_top());   /* a new value */
    havoc_value(h, old);
}

static void havoc_value(havoc_ctx *h, const av *v)
{
    if (h->budget <= 0)
        return;
    switch (v->kind) {
    case AV_REF:
        havoc_place(h, v);
        return;
    case AV_GRAPH:
        if (h->graph_fn)
            h->graph_fn(h->ctx, v->id);
        return;
    case AV_BOX:
        havoc_value(h, v->box);
        return;
    case AV_AGG:
        for (uint32_t i = 0; i < v->nfields; i++)
            havoc_value(h, v->vals[i]);
        return;
    default:
        return;
    }
}

void mem_havoc_reachable(sc_engine *e, sc_state *st, const av *v,
                         void (*graph_fn)(void *ctx, uint32_t id),
                         void *ctx)
{
    havoc_ctx h = {e, st, graph_fn, ctx, 256};
    havoc_value(&h, v);
}
