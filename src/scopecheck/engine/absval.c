#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "absval.h"

const av AV_TOP_VALUE = {.kind = AV_TOP};
const av AV_NULL_VALUE = {.kind = AV_NULL};

static av *av_new(sc_engine *e, av_kind k)
{
    av *v = sc_alloc(&e->arena, sizeof *v);
    v->kind = k;
    return v;
}

const av *av_int(sc_engine *e, int64_t i)
{
    bool small = i >= SC_SMALL_INT_LO && i < SC_SMALL_INT_HI;
    if (small && e->small_ints[i - SC_SMALL_INT_LO])
        return e->small_ints[i - SC_SMALL_INT_LO];
    av *v = av_new(e, AV_INT);
    v->i = i;
    if (small)
        e->small_ints[i - SC_SMALL_INT_LO] = v;
    return v;
}

const av *av_unknown(sc_engine *e)
{
    return av_new(e, AV_TOP);
}

const av *av_lost(sc_engine *e)
{
    av *v = av_new(e, AV_TOP);
    v->lost = true;
    return v;
}

bool av_is_lost(const av *v)
{
    return v && v->kind == AV_TOP && v->lost;
}

const av *av_lost_from(sc_engine *e, const av *r, const av *a, const av *b)
{
    if (r->kind != AV_TOP || r->lost || !(av_is_lost(a) || av_is_lost(b)))
        return r;
    av *v = av_new(e, AV_TOP);
    *v = *r;
    v->ident = NULL;
    v->lost = true;
    return v;
}

const av *av_ident(const av *v)
{
    return v->ident ? v->ident : v;
}

const av *av_narrowed(sc_engine *e, const av *v, const av *of)
{
    /* a constant is not one run-time value; an unknown already narrowed
     * to a constant is (argc known to be 1, told again it is 1: its facts
     * must still be about it) */
    if (of == av_top() || (of->kind != AV_TOP && !of->ident))
        return v;
    if (v->ident == av_ident(of))
        return v;
    av *c = av_new(e, v->kind);
    *c = *v;
    c->ident = av_ident(of);
    return c;
}

const av *av_range(sc_engine *e, bool has_lo, int64_t lo, bool has_hi,
                   int64_t hi)
{
    if (has_lo && has_hi && lo == hi)
        return av_int(e, lo);
    if (!has_lo && !has_hi)
        return av_top();
    av *v = av_new(e, AV_TOP);
    v->has_lo = has_lo;
    v->lo = lo;
    v->has_hi = has_hi;
    v->hi = hi;
    return v;
}

const av *av_str(sc_engine *e, const char *s)
{
    if (!s)
        return av_top();
    uint64_t h = sc_strhash(s);
    const av *known = pm_get(e->str_vals, s, h);
    if (known)
        return known;
    av *v = av_new(e, AV_STR);
    v->s = s;
    if (!e->str_vals_edit)
        e->str_vals_edit = sc_new_edit_for(e, &e->str_vals);
    e->str_vals = pm_set_own(&e->arena, e->str_vals, s, h, v, e->str_vals_edit);
    return v;
}

const av *av_obj(sc_engine *e, av_kind k, uint32_t id, bool maybe_null)
{
    av *v = av_new(e, k);
    v->id = id;
    v->maybe_null = maybe_null;
    return v;
}

const av *av_tensor(sc_engine *e, const sc_tensor *t, bool maybe_null)
{
    av *v = av_new(e, AV_TENSOR);
    v->t = t;
    v->maybe_null = maybe_null;
    return v;
}

const av *av_var(sc_engine *e, const sc_var *var, bool maybe_null)
{
    av *v = av_new(e, AV_VAR);
    v->v = var;
    v->maybe_null = maybe_null;
    return v;
}

const av *av_ref(sc_engine *e, uint32_t frame, uint32_t slot)
{
    return av_place(e, frame, slot, 0, NULL, false, false, 0);
}

const av *av_place(sc_engine *e, uint32_t frame, uint32_t slot,
                   uint32_t npath, const av_step *path, bool elem,
                   bool off_unknown, int64_t off)
{
    av *v = av_new(e, AV_REF);
    v->frame = frame;
    v->slot = slot;
    v->npath = npath;
    v->path = path;
    v->elem = elem;
    v->off_unknown = elem && off_unknown;
    v->off = elem && !off_unknown ? off : 0;
    return v;
}

const av *av_fn(sc_engine *e, uint32_t n, const av_target *targets)
{
    assert(n >= 1);
    av *v = av_new(e, AV_FN);
    v->ntargets = n;
    v->targets = targets;
    return v;
}

const av *av_bytes(sc_engine *e, const char *s, bool open, bool zero_rest)
{
    if (!s)
        return av_top();
    av *v = av_new(e, AV_STR);
    v->s = s;
    v->open = open && !zero_rest;
    v->zero_rest = zero_rest;
    return v;
}

const av *av_box(sc_engine *e, const av *target)
{
    av *v = av_new(e, AV_BOX);
    v->box = target;
    return v;
}

const av *av_float(sc_engine *e, double d)
{
    av *v = av_new(e, AV_FLOAT);
    v->d = d;
    return v;
}

const av *av_vlist(sc_engine *e, const sc_vlist *l)
{
    av *v = av_new(e, AV_VLIST);
    v->l = l;
    return v;
}

const av *av_agg(sc_engine *e, uint32_t n, const char **names,
                 const av **vals, bool zero_rest)
{
    av *v = av_new(e, AV_AGG);
    v->zero_rest = zero_rest;
    v->nfields = n;
    v->names = names;
    v->vals = vals;
    return v;
}

const av *av_null_from(sc_engine *e, const sc_site *site)
{
    av *v = av_new(e, AV_NULL);
    sc_site *w = sc_alloc(&e->arena, sizeof *w);
    *w = *site;
    v->why = w;
    return v;
}

bool av_is_pointer(const av *v)
{
    switch (v->kind) {
    case AV_STR: case AV_GRAPH: case AV_TENSOR: case AV_VAR: case AV_SCOPE:
    case AV_REF: case AV_BOX: case AV_FN: case AV_OBJ:
        return true;
    default:
        return false;
    }
}

const av *av_or_null(sc_engine *e, const av *v)
{
    if (v->kind == AV_NULL || v->kind == AV_TOP || v->maybe_null)
        return v;
    if (!av_is_pointer(v))
        return av_top();
    av *c = av_new(e, v->kind);
    *c = *v;
    c->maybe_null = true;
    return c;
}

bool shape_known(const sc_shape *s)
{
    if (s->rank == SC_TOP_RANK)
        return false;
    for (int i = 0; i < s->rank && i < SC_MAX_RANK; i++)
        if (dim_top(s->dims[i]))
            return false;
    return true;
}

bool shape_equal(const sc_shape *a, const sc_shape *b)
{
    if (a->rank != b->rank)
        return false;
    for (int i = 0; i < a->rank && i < SC_MAX_RANK; i++)
        if (a->dims[i] != b->dims[i])
            return false;
    return true;
}

sc_shape shape_join(const sc_shape *a, const sc_shape *b)
{
    sc_shape r = *a;
    if (a->rank != b->rank) {
        r.rank = SC_TOP_RANK;
        return r;
    }
    for (int i = 0; i < a->rank && i < SC_MAX_RANK; i++)
        r.dims[i] = dim_join(a->dims[i], b->dims[i]);
    return r;
}

int64_t dim_join(int64_t a, int64_t b)
{
    if (a == b)
        return a;
    bool da = a >= 0 || a == SC_DIM_DEFINED, db = b >= 0 || b == SC_DIM_DEFINED;
    if (da && db)
        return SC_DIM_DEFINED;
    bool va = da || a == -1 || a == SC_DIM_VALID;
    bool vb = db || b == -1 || b == SC_DIM_VALID;
    return va && vb ? SC_DIM_VALID : SC_TOP_DIM;
}

static bool tensor_equal(const sc_tensor *a, const sc_tensor *b)
{
    return a == b || (a && b && a->name == b->name && a->name &&
                      a->dtype == b->dtype && shape_equal(&a->shape, &b->shape) &&
                      a->deps_top == b->deps_top && deps_same(a->deps, b->deps));
}

/* ---- sets of variables ---- */

bool deps_has(const sc_deps *d, const char *var)
{
    for (; d; d = d->next)
        if (d->var == var)
            return true;
    return false;
}

const sc_deps *deps_add(sc_engine *e, const sc_deps *d, const char *var)
{
    if (deps_has(d, var))
        return d;
    sc_deps *n = sc_alloc(&e->arena, sizeof *n);
    n->var = var;
    n->next = d;
    return n;
}

const sc_deps *deps_union(sc_engine *e, const sc_deps *a, const sc_deps *b)
{
    if (a == b || !b)
        return a;
    if (!a)
        return b;
    for (; b; b = b->next)
        a = deps_add(e, a, b->var);
    return a;
}

static bool deps_subset(const sc_deps *a, const sc_deps *b)
{
    for (; a; a = a->next)
        if (!deps_has(b, a->var))
            return false;
    return true;
}

bool deps_same(const sc_deps *a, const sc_deps *b)
{
    return a == b || (deps_subset(a, b) && deps_subset(b, a));
}

static const sc_deps *deps_meet(sc_engine *e, const sc_deps *a,
                                const sc_deps *b)
{
    const sc_deps *r = NULL;
    for (; a; a = a->next)
        if (deps_has(b, a->var))
            r = deps_add(e, r, a->var);
    return r;
}

/* ---- variable lists ---- */

bool var_same(const sc_var *a, const sc_var *b)
{
    return a == b || (a && b && a->name && a->name == b->name);
}

const sc_vlist *vlist_push(sc_engine *e, const sc_vlist *l, const sc_var *v)
{
    if (!v && l && !l->var)
        return l;                 /* a gap after a gap is one gap */
    sc_vlist *n = sc_alloc(&e->arena, sizeof *n);
    n->var = v;
    n->next = l;
    n->len = (l ? l->len : 0) + 1;
    n->gaps = !v || (l && l->gaps);
    return n;
}

uint32_t vlist_known_prefix(const sc_vlist *l)
{
    while (l && l->gaps)          /* gaps: this node or an older one is */
        l = l->next;
    return l ? l->len : 0;
}

const sc_var *vlist_at(const sc_vlist *l, uint32_t i)
{
    if (!l || i >= l->len)
        return NULL;
    for (uint32_t skip = l->len - 1 - i; skip && l; skip--)
        l = l->next;
    return l && !(l->next && l->next->gaps) ? l->var : NULL;
}

bool vlist_same(const sc_vlist *a, const sc_vlist *b)
{
    for (; a && b; a = a->next, b = b->next) {
        if (a == b)
            return true;
        if (!a->var || !b->var || !var_same(a->var, b->var))
            return false;
    }
    return !a && !b;
}

/* The common oldest part, then a gap where they differ.  The lists of two
 * paths that split share their older nodes: from the newest node both
 * hold (at the same length, with no gap in it) on, the join keeps it as
 * it is and compares only what is newer (joins of long lists were a
 * walk and a copy of every variable of the graph, at every join). */
const sc_vlist *vlist_join(sc_engine *e, const sc_vlist *a, const sc_vlist *b)
{
    if (a == b || vlist_same(a, b))
        return a;
    uint32_t na = a ? a->len : 0, nb = b ? b->len : 0;
    const sc_vlist *pa = a, *pb = b;
    while (pa && pa->len > nb)
        pa = pa->next;
    while (pb && pb->len > na)
        pb = pb->next;
    while (pa != pb) {            /* the same lengths: step together */
        assert(pa && pb && pa->len == pb->len);
        pa = pa->next;
        pb = pb->next;
    }
    if (pa && pa->gaps) {
        /* a gap in what both hold: the common part ends below its oldest
         * gap, where both hold the same nodes */
        const sc_vlist *below = pa;
        while (below && below->gaps)
            below = below->next;
        return vlist_push(e, below, NULL);
    }
    const sc_vlist *shared = pa;
    uint32_t from = shared ? shared->len : 0;
    /* the newer ones, oldest first */
    const sc_var **xa = sc_xmalloc((na - from + 1) * sizeof *xa);
    const sc_var **xb = sc_xmalloc((nb - from + 1) * sizeof *xb);
    uint32_t i = na - from;
    for (const sc_vlist *p = a; p != shared; p = p->next)
        xa[--i] = p->var;
    i = nb - from;
    for (const sc_vlist *p = b; p != shared; p = p->next)
        xb[--i] = p->var;
    const sc_vlist *r = shared;
    for (i = 0; from + i < na && from + i < nb && xa[i] && xb[i] &&
                var_same(xa[i], xb[i]);
         i++)
        r = vlist_push(e, r, xa[i]);
    free(xa);
    free(xb);
    return vlist_push(e, r, NULL);
}

static bool same_path(const av *a, const av *b)
{
    if (a->npath != b->npath)
        return false;
    for (uint32_t i = 0; i < a->npath; i++)
        if (a->path[i].field != b->path[i].field ||
            a->path[i].index != b->path[i].index)
            return false;
    return true;
}

bool av_equal(const av *a, const av *b)
{
    if (a == b)
        return true;
    if (a->kind != b->kind || a->maybe_null != b->maybe_null)
        return false;
    switch (a->kind) {
    case AV_TOP:
        return a->has_lo == b->has_lo && a->has_hi == b->has_hi &&
               (!a->has_lo || a->lo == b->lo) && (!a->has_hi || a->hi == b->hi);
    case AV_NULL:
        return true;
    case AV_INT:
        return a->i == b->i;
    case AV_STR:
        return a->s == b->s && a->open == b->open && a->zero_rest == b->zero_rest &&
               (a->rest == b->rest ||
                (a->rest && b->rest && av_equal(a->rest, b->rest)));
    case AV_FN:
        if (a->ntargets != b->ntargets)
            return false;
        for (uint32_t i = 0; i < a->ntargets; i++)
            if (a->targets[i].name != b->targets[i].name ||
                a->targets[i].unit != b->targets[i].unit)
                return false;
        return true;
    case AV_GRAPH: case AV_SCOPE: case AV_OBJ:
        return a->id == b->id;
    case AV_VLIST:
        return vlist_same(a->l, b->l);
    case AV_FLOAT:
        return a->d == b->d;
    case AV_TENSOR:
        return tensor_equal(a->t, b->t);
    case AV_VAR:
        return a->v == b->v;
    case AV_REF:
        return a->frame == b->frame && a->slot == b->slot &&
               a->elem == b->elem && a->off_unknown == b->off_unknown &&
               a->off == b->off && same_path(a, b);
    case AV_BOX:
        return av_equal(a->box, b->box);
    case AV_AGG:
        if (a->nfields != b->nfields || a->zero_rest != b->zero_rest)
            return false;
        for (uint32_t i = 0; i < a->nfields; i++)
            if ((a->names ? a->names[i] : NULL) !=
                    (b->names ? b->names[i] : NULL) ||
                !av_equal(a->vals[i], b->vals[i]))
                return false;
        return true;
    }
    return false;
}

static const sc_tensor *tensor_join(sc_engine *e, const sc_tensor *a,
                                    const sc_tensor *b)
{
    if (tensor_equal(a, b))
        return a;
    /* a tensor with no details (vs_value of a variable the engine does
     * not know, a template's output) joined with any other: no details */
    if (!a || !b)
        return NULL;
    sc_tensor *t = sc_alloc(&e->arena, sizeof *t);
    t->name = a->name == b->name ? a->name : NULL;
    t->dtype = a->dtype == b->dtype ? a->dtype : SC_DT_TOP;
    t->shape = shape_join(&a->shape, &b->shape);
    t->deps_top = a->deps_top || b->deps_top || !deps_same(a->deps, b->deps);
    t->deps = deps_meet(e, a->deps, b->deps);
    return t;
}

/* a copy of r that is one more narrowing of the run-time value id */
static const av *with_ident(sc_engine *e, const av *r, const av *id)
{
    av *c = av_new(e, r->kind);
    *c = *r;
    c->ident = id;
    return c;
}

/* The run-time value both a and b stand for, if they are two narrowings
 * of one (argc tested > 1 on one path and not on the other): their join
 * is still that value.  NULL if they are not. */
static const av *common_ident(const av *a, const av *b)
{
    const av *ia = av_ident(a), *ib = av_ident(b);
    if (ia != ib || ia == av_top() || (!a->ident && !b->ident))
        return NULL;
    return ia;
}

static const av *join_fn(sc_engine *e, const av *a, const av *b)
{
    /* a pointer that holds one of a's targets or one of b's */
    uint32_t n = a->ntargets;
    av_target *t = sc_alloc(&e->arena, (a->ntargets + b->ntargets) * sizeof *t);
    memcpy(t, a->targets, a->ntargets * sizeof *t);
    for (uint32_t i = 0; i < b->ntargets; i++) {
        bool have = false;
        for (uint32_t j = 0; j < a->ntargets && !have; j++)
            have = a->targets[j].name == b->targets[i].name &&
                   a->targets[j].unit == b->targets[i].unit;
        if (!have)
            t[n++] = b->targets[i];
    }
    if (n > AV_MAX_TARGETS)
        return av_top();
    av *v = (av *)av_fn(e, n, t);
    v->maybe_null = a->maybe_null || b->maybe_null;
    return v;
}

static const av *join(sc_engine *e, const av *a, const av *b);

static const av *join_arrays(sc_engine *e, const av *a, const av *b)
{
    uint32_t n = a->nfields > b->nfields ? a->nfields : b->nfields;
    const av **vals = sc_alloc(&e->arena, (n + 1) * sizeof *vals);
    for (uint32_t i = 0; i < n; i++)
        vals[i] = join(e, av_elem(e, a, i), av_elem(e, b, i));
    return av_agg(e, n, NULL, vals, a->zero_rest && b->zero_rest);
}

static const av *join_values(sc_engine *e, const av *a, const av *b)
{
    if (a == b)
        return a;
    if (av_equal(a, b)) {
        /* An unknown integer's object is its identity (interp.c narrows
         * every copy of it together): two runs' values that merely share
         * a range are not one value, so they get a new object. */
        if (a->kind == AV_TOP && a != av_top()) {
            av *c = av_new(e, AV_TOP);
            *c = *a;
            c->ident = NULL;
            return c;
        }
        return a;
    }
    if ((a->kind == AV_INT || a->kind == AV_TOP) &&
        (b->kind == AV_INT || b->kind == AV_TOP)) {
        /* integers: the hull of what is known */
        bool al = a->kind == AV_INT || a->has_lo, bl = b->kind == AV_INT || b->has_lo;
        bool ah = a->kind == AV_INT || a->has_hi, bh = b->kind == AV_INT || b->has_hi;
        int64_t alo = a->kind == AV_INT ? a->i : a->lo, blo = b->kind == AV_INT ? b->i : b->lo;
        int64_t ahi = a->kind == AV_INT ? a->i : a->hi, bhi = b->kind == AV_INT ? b->i : b->hi;
        return av_range(e, al && bl, alo < blo ? alo : blo, ah && bh,
                        ahi > bhi ? ahi : bhi);
    }
    if (a->kind == AV_TOP || b->kind == AV_TOP)
        return av_top();
    if (a->kind == AV_NULL || b->kind == AV_NULL) {
        const av *n = a->kind == AV_NULL ? a : b, *p = n == a ? b : a;
        const av *r = av_or_null(e, p);
        if (r->kind != AV_TOP && n->why && !r->why) {
            av *c = av_new(e, r->kind);
            *c = *r;
            c->why = n->why;
            r = c;
        }
        return r;
    }
    if (a->kind != b->kind)
        return av_top();
    bool mn = a->maybe_null || b->maybe_null;
    switch (a->kind) {
    case AV_GRAPH:
        return a->id == b->id ? av_obj(e, a->kind, a->id, mn) : av_top();
    case AV_SCOPE: case AV_OBJ:
        /* two scopes: which one is unknown (id 0), but that it is not
         * NULL is still known, and decides `for (s = enter(); s; ...)` */
        return av_obj(e, a->kind, a->id == b->id ? a->id : 0, mn);
    case AV_VLIST:
        return av_vlist(e, vlist_join(e, a->l, b->l));
    case AV_TENSOR:
        return av_tensor(e, tensor_join(e, a->t, b->t), mn);
    case AV_VAR:
        return a->v == b->v ? av_var(e, a->v, mn) : av_top();
    case AV_FN:
        return join_fn(e, a, b);
    case AV_REF: {
        /* into the same array at two offsets: into it, somewhere */
        if (a->frame != b->frame || a->slot != b->slot || a->elem != b->elem ||
            !a->elem || !same_path(a, b))
            return av_top();
        av *c = (av *)av_place(e, a->frame, a->slot, a->npath, a->path,
                               true, true, 0);
        c->maybe_null = mn;
        return c;
    }
    case AV_BOX: {
        const av *j = join(e, a->box, b->box);
        return j->kind == AV_TOP ? av_top() : av_box(e, j);
    }
    case AV_AGG: {
        if (!a->names && !b->names)
            return join_arrays(e, a, b);
        if (!a->names || !b->names)
            return av_top();
        /* union of the listed fields, each joined with the other side's
         * value (listed, zero or unknown) */
        uint32_t n = a->nfields + b->nfields, k = 0;
        const char **names = sc_alloc(&e->arena, n * sizeof *names);
        const av **vals = sc_alloc(&e->arena, n * sizeof *vals);
        for (uint32_t i = 0; i < a->nfields; i++) {
            names[k] = a->names[i];
            vals[k++] = join(e, a->vals[i], av_field(e, b, a->names[i]));
        }
        for (uint32_t i = 0; i < b->nfields; i++) {
            bool in_a = false;
            for (uint32_t j = 0; j < a->nfields; j++)
                in_a |= a->names[j] == b->names[i];
            if (!in_a) {
                names[k] = b->names[i];
                vals[k++] = join(e, av_field(e, a, b->names[i]), b->vals[i]);
            }
        }
        return av_agg(e, k, names, vals, a->zero_rest && b->zero_rest);
    }
    default:
        return av_top();
    }
}

static const av *join(sc_engine *e, const av *a, const av *b)
{
    const av *r = join_values(e, a, b);
    const av *id = a == b ? NULL : common_ident(a, b);
    if (id && r != a && r != b)
        r = with_ident(e, r, id);
    return r;
}

/* The identity rules of a join: a value joined with itself is itself; an
 * unknown that is one run-time value (facts are about its object) never
 * stands for the join of itself with something else. */
const av *av_join(sc_engine *e, const av *a, const av *b)
{
    const av *r = join(e, a, b);
    assert(a != b || r == a);
    assert(a == b || a->kind != AV_TOP || a == av_top() || r != a);
    assert(a == b || b->kind != AV_TOP || b == av_top() || r != b);
    return r;
}

int av_truth(const av *v)
{
    switch (v->kind) {
    case AV_INT:
        return v->i != 0;
    case AV_NULL:
        return 0;
    case AV_TOP:
        if ((v->has_lo && v->lo > 0) || (v->has_hi && v->hi < 0))
            return 1;
        return -1;
    case AV_AGG:
        return -1;
    case AV_FLOAT:
        /* as a double, or converted to an integer: both agree only here */
        return v->d == 0 ? 0 : v->d >= 1 || v->d <= -1 ? 1 : -1;
    default:
        return v->maybe_null ? -1 : 1;
    }
}

static const av *vlist_field(sc_engine *e, const sc_vlist *l,
                            const char *name)
{
    if (strcmp(name, "len") == 0)
        return l && l->gaps ? av_top() : av_int(e, l ? l->len : 0);
    if (strcmp(name, "vars") != 0)
        return av_top();
    uint32_t n = l ? l->len : 0;
    const av **vals = sc_alloc(&e->arena, (n + 1) * sizeof *vals);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        const sc_var *v = vlist_at(l, i);
        if (!v)
            break;
        vals[k++] = av_var(e, v, false);
    }
    return av_agg(e, k, NULL, vals, false);
}

const av *av_field(sc_engine *e, const av *agg, const char *name)
{
    if (agg->kind == AV_VLIST)
        return vlist_field(e, agg->l, name);
    if (agg->kind != AV_AGG || !agg->names)
        return av_top();
    for (uint32_t i = 0; i < agg->nfields; i++)
        if (agg->names[i] == name)
            return agg->vals[i];
    return agg->zero_rest ? av_int(e, 0) : av_top();
}

const av *av_with_field(sc_engine *e, const av *agg, const char *name,
                        const av *val)
{
    bool is_struct = agg->kind == AV_AGG && agg->names;
    uint32_t n = is_struct ? agg->nfields : 0;
    const char **names = sc_alloc(&e->arena, (n + 1) * sizeof *names);
    const av **vals = sc_alloc(&e->arena, (n + 1) * sizeof *vals);
    uint32_t k = 0;
    bool replaced = false;
    for (uint32_t i = 0; i < n; i++) {
        names[k] = agg->names[i];
        vals[k] = agg->names[i] == name ? (replaced = true, val)
                                        : agg->vals[i];
        k++;
    }
    if (!replaced) {
        names[k] = name;
        vals[k++] = val;
    }
    return av_agg(e, k, names, vals, is_struct && agg->zero_rest);
}

/* Arrays longer than this are not tracked element by element. */
#define AV_MAX_ELEMS 4096

const av *av_elem(sc_engine *e, const av *arr, int64_t i)
{
    if (arr->kind == AV_STR) {
        /* a char array: its bytes, then the NUL, then zeros or unknown */
        size_t len = strlen(arr->s);
        if (i == AV_ANY_INDEX || i < 0)
            return av_top();
        if ((uint64_t)i < len)
            return av_int(e, (signed char)arr->s[i]);
        if ((uint64_t)i > len && arr->rest)
            return av_elem(e, arr->rest, i - (int64_t)len - 1);
        if (((uint64_t)i == len && !arr->open) || arr->zero_rest)
            return av_int(e, 0);
        return av_top();
    }
    if (arr->kind != AV_AGG || arr->names)
        return av_top();
    if (i == AV_ANY_INDEX) {
        /* any element: what they all may be */
        const av *r = arr->nfields ? arr->vals[0] : av_int(e, 0);
        for (uint32_t k = 1; k < arr->nfields; k++)
            r = av_join(e, r, arr->vals[k]);
        /* elements past the listed ones: zero, or unknown */
        if (!arr->zero_rest)
            return av_top();
        return arr->nfields ? av_join(e, r, av_int(e, 0)) : r;
    }
    if (i >= 0 && (uint64_t)i < arr->nfields)
        return arr->vals[i];
    return arr->zero_rest && i >= 0 ? av_int(e, 0) : av_top();
}

const av *av_with_elem(sc_engine *e, const av *arr, int64_t i,
                       const av *val)
{
    if (i < 0 || i >= AV_MAX_ELEMS)
        return NULL;
    bool is_arr = arr->kind == AV_AGG && !arr->names;
    uint32_t n = is_arr ? arr->nfields : 0;
    uint32_t m = (uint64_t)i < n ? n : (uint32_t)i + 1;
    const av **vals = sc_alloc(&e->arena, (m + 1) * sizeof *vals);
    bool zero = is_arr && arr->zero_rest;
    for (uint32_t k = 0; k < m; k++)
        vals[k] = k < n ? arr->vals[k] : zero ? av_int(e, 0) : av_top();
    vals[i] = val;
    return av_agg(e, m, NULL, vals, zero);
}

const av *av_replace(sc_engine *e, const av *v, const av *from,
                     const av *to)
{
    if (v == from)
        return to;
    if (v->kind == AV_BOX) {
        const av *b = av_replace(e, v->box, from, to);
        return b == v->box ? v : av_box(e, b);
    }
    if (v->kind != AV_AGG)
        return v;
    const av **vals = NULL;
    for (uint32_t i = 0; i < v->nfields; i++) {
        const av *r = av_replace(e, v->vals[i], from, to);
        if (r == v->vals[i])
            continue;
        if (!vals) {
            vals = sc_alloc(&e->arena, (v->nfields + 1) * sizeof *vals);
            memcpy(vals, v->vals, v->nfields * sizeof *vals);
        }
        vals[i] = r;
    }
    if (!vals)
        return v;
    av *c = (av *)av_agg(e, v->nfields, v->names, vals, v->zero_rest);
    c->maybe_null = v->maybe_null;
    return c;
}
