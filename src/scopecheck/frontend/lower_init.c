/* Initializer lists, read as C reads them (C11 6.7.9).
 *
 * libclang shows an initializer list as written: items in source order,
 * some with designators.  The IR gets what it initializes: a struct's
 * items are its initialized fields in declaration order, each named once
 * with the value of the last initializer that reached it (a wrapper macro
 * putting defaults first and the caller's keywords after, or the reverse,
 * gives each field once); a union's item is the member initialized last;
 * an array's items are its elements by index, from 0 to the highest one
 * initialized, the ones not written being zero values.  A designator path
 * (.a.b, [2].x) builds nested lists; a later one merges into an earlier
 * list for the same member.  That is also the order gcc and clang evaluate
 * the items in.  An overridden initializer is dropped with its side
 * effects, as both compilers do (6.7.9p19 leaves it unspecified).
 *
 * What this does not follow becomes IR_UNKNOWN with the items' side
 * effects, never a guess: brace elision of anything but a final zero into
 * a nested aggregate, positional items after a nested designator,
 * designators naming members of anonymous structs, a GNU range [a ... b]
 * whose value has side effects or that could be read as two indexes, an
 * index that is not a constant, negative, or past INIT_MAX_INDEX. */
#include "lower_int.h"

#include <stdlib.h>
#include <string.h>

#define INIT_MAX_INDEX 4096

typedef struct builder builder;

/* what one field or element holds: a value, or a nested list being built */
typedef struct slot {
    ir_expr *val;
    builder *sub;
    bool set;
} slot;

struct builder {
    CXType type;                  /* canonical */
    bool is_array, is_union;
    SC_VEC(CXCursor) fields;      /* struct or union: its fields, in order */
    SC_VEC(slot) slots;           /* by field, or by index */
    uint32_t next;                /* where a positional item goes */
    uint32_t last_set;            /* union: the member set last */
    ir_loc loc;                   /* for the nested lists it makes */
};

/* one item of the list: its designators and its value */
typedef struct item {
    size_t dbase, dlen;           /* in the run's designator vector */
    CXCursor val;
} item;

typedef struct run {
    lowering *l;
    SC_VEC(CXCursor) desig;
    bool failed;
} run;

static enum CXVisitorResult field_cb(CXCursor c, CXClientData d)
{
    builder *b = d;
    SC_PUSH(b->fields, c);
    return CXVisit_Continue;
}

static builder *builder_new(CXType t, ir_loc loc)
{
    builder *b = sc_xmalloc(sizeof *b);
    memset(b, 0, sizeof *b);
    b->type = fe_unatomic(clang_getCanonicalType(t));
    b->loc = loc;
    enum CXTypeKind k = b->type.kind;
    b->is_array = k == CXType_ConstantArray || k == CXType_IncompleteArray;
    if (k == CXType_Record) {
        CXCursor d = clang_getTypeDeclaration(b->type);
        b->is_union = clang_getCursorKind(d) == CXCursor_UnionDecl;
        clang_Type_visitFields(b->type, field_cb, b);
    }
    return b;
}

static void builder_free(builder *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->slots.len; i++)
        builder_free(b->slots.items[i].sub);
    SC_VEC_FREE(b->slots);
    SC_VEC_FREE(b->fields);
    free(b);
}

static bool is_aggregate(CXType t)
{
    enum CXTypeKind k = fe_unatomic(clang_getCanonicalType(t)).kind;
    return k == CXType_Record || k == CXType_ConstantArray || k == CXType_IncompleteArray;
}

static bool is_char_array(CXType t)
{
    CXType c = fe_unatomic(clang_getCanonicalType(t));
    if (c.kind != CXType_ConstantArray && c.kind != CXType_IncompleteArray)
        return false;
    enum CXTypeKind e = clang_getCanonicalType(clang_getArrayElementType(c)).kind;
    return e == CXType_Char_S || e == CXType_Char_U || e == CXType_SChar || e == CXType_UChar;
}

/* Whether a value of type a initializes an aggregate of type b whole (its
 * qualifiers aside: a const struct initializes a struct member). */
static bool same_aggregate(CXType a, CXType b)
{
    CXType ca = fe_unatomic(clang_getCanonicalType(a)), cb = fe_unatomic(clang_getCanonicalType(b));
    if (ca.kind == CXType_Record && cb.kind == CXType_Record)
        return clang_equalCursors(clang_getTypeDeclaration(ca), clang_getTypeDeclaration(cb)) != 0;
    return fe_type_eq(ca, cb);
}

/* the type of the slot at i */
static CXType slot_type(const builder *b, uint32_t i)
{
    if (b->is_array)
        return clang_getArrayElementType(b->type);
    return clang_getCursorType(b->fields.items[i]);
}

/* the slot at i, made when missing; NULL past the limits */
static slot *slot_at(run *r, builder *b, uint32_t i)
{
    if (b->is_array) {
        int64_t len = b->type.kind == CXType_ConstantArray ? clang_getArraySize(b->type) : -1;
        if (i >= INIT_MAX_INDEX || (len >= 0 && i >= len)) {
            r->failed = true;
            return NULL;
        }
    } else if (i >= b->fields.len) {
        r->failed = true;
        return NULL;
    }
    while (b->slots.len <= i) {
        slot s = {NULL, NULL, false};
        SC_PUSH(b->slots, s);
    }
    return &b->slots.items[i];
}

static void set_value(builder *b, slot *s, ir_expr *v)
{
    builder_free(s->sub);
    s->sub = NULL;
    s->val = v;
    s->set = true;
    b->last_set = (uint32_t)(s - b->slots.items);
}

/* A nested list's slots from the IR_INIT made for it earlier. */
static void fill_from(run *r, builder *nb, const ir_expr *init)
{
    for (uint32_t i = 0; i < init->nkids; i++) {
        uint32_t at = i;
        if (!nb->is_array) {
            const char *name = init->names ? init->names[i] : NULL;
            bool found = false;
            for (uint32_t f = 0; f < nb->fields.len && name; f++)
                if (fe_decl_name(r->l, nb->fields.items[f]) == name) {
                    at = f;
                    found = true;
                    break;
                }
            if (!found) {
                r->failed = true;
                return;
            }
        }
        slot *ns = slot_at(r, nb, at);
        if (!ns)
            return;
        set_value(nb, ns, init->kids[i]);
    }
}

/* The nested list a designator path goes on into: the slot's own, or one
 * made from the list it held (an earlier .a = {...} that .a.b = x now
 * changes a part of).  NULL when the slot held a value that is not a
 * list. */
static builder *descend(run *r, builder *b, slot *s, CXType t)
{
    if (s->sub)
        return s->sub;
    if (!is_aggregate(t)) {
        r->failed = true;
        return NULL;
    }
    builder *nb = builder_new(t, s->val ? s->val->loc : b->loc);
    if (s->val) {
        if (s->val->kind != IR_INIT) {
            builder_free(nb);
            r->failed = true;
            return NULL;
        }
        fill_from(r, nb, s->val);
    }
    s->val = NULL;
    s->sub = nb;
    s->set = true;
    b->last_set = (uint32_t)(s - b->slots.items);
    return nb;
}

static int field_index(const builder *b, CXCursor field)
{
    CXCursor c = clang_getCanonicalCursor(field);
    for (size_t i = 0; i < b->fields.len; i++)
        if (clang_equalCursors(clang_getCanonicalCursor(b->fields.items[i]), c))
            return (int)i;
    return -1;
}

static bool is_zero(const ir_expr *v)
{
    return (v->kind == IR_INT && v->ival == 0) || v->kind == IR_NULL;
}

/* A designated item: its path from the root, then the value. */
static void place_designated(run *r, builder *root, const item *it, ir_expr *v, bool v_se)
{
    builder *b = root;
    const CXCursor *d = r->desig.items + it->dbase;
    for (size_t j = 0; j < it->dlen && !r->failed; j++) {
        bool last = j + 1 == it->dlen;
        uint32_t lo, hi;
        if (clang_getCursorKind(d[j]) == CXCursor_MemberRef) {
            int fi = b->is_array ? -1 : field_index(b, clang_getCursorReferenced(d[j]));
            if (fi < 0) {
                r->failed = true;       /* an anonymous member's field */
                return;
            }
            lo = hi = (uint32_t)fi;
        } else {
            int64_t a, z;
            if (!b->is_array || !fe_eval_int(d[j], &a) || a < 0 || a >= INIT_MAX_INDEX) {
                r->failed = true;
                return;
            }
            z = a;
            if (j + 1 < it->dlen && clang_getCursorKind(d[j + 1]) != CXCursor_MemberRef) {
                /* [a ... z] or [a][z]: a range unless the element is an array */
                if (is_aggregate(clang_getArrayElementType(b->type)) &&
                    clang_getCanonicalType(clang_getArrayElementType(b->type)).kind != CXType_Record) {
                    r->failed = true;
                    return;
                }
                if (!fe_eval_int(d[j + 1], &z) || z < a || z >= INIT_MAX_INDEX) {
                    r->failed = true;
                    return;
                }
                j++;
                last = j + 1 == it->dlen;
                if (z > a && (v_se || !last)) {
                    r->failed = true;   /* evaluated once by gcc, not per element */
                    return;
                }
            }
            lo = (uint32_t)a;
            hi = (uint32_t)z;
        }
        if (b == root)
            root->next = hi + 1;
        for (uint32_t i = lo; i <= hi && !r->failed; i++) {
            slot *s = slot_at(r, b, i);
            if (!s)
                return;
            if (last)
                set_value(b, s, v);
            else if (lo == hi)
                b = descend(r, b, s, slot_type(b, i));
        }
        if (!b)
            return;
    }
}

/* A positional item: the next field or element of the root. */
static void place_positional(run *r, builder *b, CXCursor val, ir_expr *v, bool final)
{
    uint32_t i = b->next;
    if (!b->is_array) {
        /* unnamed bit-fields are skipped; a union takes its first member */
        while (i < b->fields.len && !*fe_decl_name(r->l, b->fields.items[i]) &&
               !is_aggregate(clang_getCursorType(b->fields.items[i])))
            i++;
        if (b->is_union && i > 0) {
            r->failed = true;
            return;
        }
    }
    slot *s = slot_at(r, b, i);
    if (!s)
        return;
    CXType st = slot_type(b, i);
    if (!b->is_array && !*fe_decl_name(r->l, b->fields.items[i])) {
        r->failed = true;               /* into an anonymous member */
        return;
    }
    bool list = clang_getCursorKind(fe_strip(r->l, val)) == CXCursor_InitListExpr;
    bool same = same_aggregate(clang_getCursorType(val), st);
    if (is_aggregate(st) && !list && !same && !(is_char_array(st) && v->kind == IR_STR)) {
        /* brace elision into the member: only a final {0} is followed */
        if (!(final && is_zero(v))) {
            r->failed = true;
            return;
        }
        ir_expr *z = sc_alloc(r->l->A, sizeof *z);
        z->kind = IR_INIT;
        z->loc = v->loc;
        z->type = fe_lower_type(r->l, st);
        v = z;
    }
    set_value(b, s, v);
    b->next = i + 1;
}

/* The zero value of a type, for the elements an array list skips. */
static ir_expr *zero_of(lowering *l, CXType t, ir_loc loc)
{
    ir_expr *z = sc_alloc(l->A, sizeof *z);
    z->loc = loc;
    z->type = fe_lower_type(l, t);
    switch (z->type.kind) {
    case IR_T_PTR: z->kind = IR_NULL; break;
    case IR_T_FLOAT: z->kind = IR_FLOAT; break;
    case IR_T_STRUCT: case IR_T_ARRAY: z->kind = IR_INIT; break;
    default: z->kind = IR_INT;
    }
    return z;
}

/* The IR of a builder: e is its node (type, location and ival set). */
static void emit(lowering *l, builder *b, ir_expr *e)
{
    uint32_t n = (uint32_t)b->slots.len;
    ir_expr **kids = n ? sc_alloc(l->A, n * sizeof *kids) : NULL;
    const char **names = !b->is_array && n ? sc_alloc(l->A, n * sizeof *names) : NULL;
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        slot *s = &b->slots.items[i];
        if (b->is_union && i != b->last_set)
            continue;
        ir_expr *v = s->val;
        if (s->sub) {
            v = sc_alloc(l->A, sizeof *v);
            v->kind = IR_INIT;
            v->ival = s->sub->is_union ? 2 : 0;
            v->loc = s->sub->loc;
            v->type = fe_lower_type(l, slot_type(b, i));
            emit(l, s->sub, v);
        }
        if (!s->set) {
            if (!b->is_array)
                continue;               /* a field not given is zero */
            v = zero_of(l, slot_type(b, i), e->loc);
        }
        if (names)
            names[m] = fe_decl_name(l, b->fields.items[i]);
        kids[m++] = v;
    }
    e->kids = kids;
    e->names = names;
    e->nkids = m;
    if (b->is_union)
        e->ival |= 2;             /* the other members: not zero */
}

ir_expr *fe_init_list(lowering *l, CXCursor c, CXCursor list, bool compound, bool *se)
{
    ir_expr *e = fe_expr_new(l, IR_INIT, c);
    e->ival = compound;
    run r = {l, {0}, false};
    SC_VEC(item) items = {0};
    size_t base = fe_children(l, list);
    for (size_t i = base; i < l->cs.len; i++) {
        CXCursor x = l->cs.items[i];
        if (!fe_is_expr(x))
            continue;
        item it = {r.desig.len, 0, x};
        if (clang_getCursorKind(x) == CXCursor_UnexposedExpr &&
            clang_getCursorType(x).kind == CXType_Void) {
            /* a designated initializer: designators, then the value */
            size_t b2 = fe_children(l, x);
            size_t n2 = l->cs.len - b2;
            if (n2 >= 2) {
                for (size_t k = b2; k + 1 < l->cs.len; k++)
                    SC_PUSH(r.desig, l->cs.items[k]);
                it.dlen = n2 - 1;
                it.val = l->cs.items[l->cs.len - 1];
            }
            l->cs.len = b2;
        }
        SC_PUSH(items, it);
    }
    l->cs.len = base;

    /* the values, lowered in source order (locations, hints) */
    size_t n = items.len;
    ir_expr **vals = n ? sc_alloc(l->A, n * sizeof *vals) : NULL;
    bool *ses = n ? sc_alloc(l->A, n * sizeof *ses) : NULL;
    for (size_t i = 0; i < n; i++) {
        vals[i] = fe_lower_subexpr(l, items.items[i].val, &ses[i]);
        if (ses[i])
            *se = true;
    }

    CXType lt = clang_getCursorType(list);
    bool resolve = is_aggregate(lt) &&
                   !(n == 1 && !items.items[0].dlen && is_char_array(lt) &&
                     vals[0]->kind == IR_STR);
    if (!resolve) {
        /* a scalar in braces, or a string in braces for a char array */
        e->kids = vals;
        e->nkids = (uint32_t)n;
    } else {
        builder *root = builder_new(lt, e->loc);
        bool nested = false;
        for (size_t i = 0; i < n && !r.failed; i++) {
            const item *it = &items.items[i];
            if (it->dlen) {
                place_designated(&r, root, it, vals[i], ses[i]);
                nested = it->dlen > 1;
            } else if (nested) {
                r.failed = true;        /* goes on inside the nested member */
            } else {
                place_positional(&r, root, it->val, vals[i], i + 1 == n);
            }
        }
        if (!r.failed) {
            emit(l, root, e);
        } else {
            /* not followed: unknown, with the items' side effects */
            e->kind = IR_UNKNOWN;
            uint32_t m = 0;
            for (size_t i = 0; i < n; i++)
                if (ses[i])
                    vals[m++] = vals[i];
            e->kids = m ? vals : NULL;
            e->nkids = m;
        }
        builder_free(root);
    }
    SC_VEC_FREE(items);
    SC_VEC_FREE(r.desig);
    return e;
}

/* ---- stores into a union's members ---- */

static enum CXVisitorResult count_field(CXCursor c, CXClientData d)
{
    (void)c;
    ++*(int *)d;
    return CXVisit_Continue;
}

/* t (canonical) is a union of several members */
static bool is_union_type(CXType t)
{
    if (t.kind != CXType_Record ||
        clang_getCursorKind(clang_getTypeDeclaration(t)) != CXCursor_UnionDecl)
        return false;
    int n = 0;
    clang_Type_visitFields(t, count_field, &n);
    return n > 1;
}

/* An expression with no side effects whose value is a place: a variable,
 * a field of one, *p of one. */
static bool pure_place(const ir_expr *x)
{
    while (x->kind == IR_MEMBER || x->kind == IR_DEREF || x->kind == IR_CAST)
        x = x->kids[0];
    return x->kind == IR_SYM;
}

/* A store into a member of a union (u.all = x, p->bits.flag = 1) changes
 * what every other member reads, which the engine's memory (fields by
 * name) would not see: the union is first set to a union value with no
 * member known (IR_INIT, union, no kids), then the member is stored:
 * (union = {}, store).  The other members are then unknown, one value
 * each (mem.c: derived). */
ir_expr *fe_union_store(lowering *l, CXCursor c, CXCursor lhs, ir_expr *le,
                        ir_expr *store)
{
    const ir_expr *x = le;
    CXCursor cur = fe_strip(l, lhs);
    ir_expr *uni = NULL;
    while (x->kind == IR_MEMBER && clang_getCursorKind(cur) == CXCursor_MemberRefExpr) {
        bool ok;
        size_t n;
        CXCursor base = fe_first_expr_child(l, cur, &ok, &n);
        if (!ok)
            break;
        CXType bt = clang_getCanonicalType(clang_getCursorType(base));
        bool arrow = bt.kind == CXType_Pointer;
        if (arrow)
            bt = clang_getCanonicalType(clang_getPointeeType(bt));
        if (is_union_type(bt) && pure_place(x->kids[0])) {
            if (arrow) {
                uni = fe_expr_new(l, IR_DEREF, base);
                fe_set_kids(l, uni, &x->kids[0], 1);
                uni->type.kind = IR_T_STRUCT;
            } else {
                uni = x->kids[0];
            }
        }
        x = x->kids[0];
        cur = fe_strip(l, base);
    }
    if (!uni)
        return store;
    ir_expr *none = fe_expr_new(l, IR_INIT, c);
    none->type = uni->type;
    none->ival = 2;
    ir_expr *reset = fe_expr_new(l, IR_ASSIGN, c);
    reset->type = uni->type;
    ir_expr *rk[2] = {uni, none};
    fe_set_kids(l, reset, rk, 2);
    ir_expr *both = fe_expr_new(l, IR_COMMA, c);
    both->type = store->type;
    ir_expr *bk[2] = {reset, store};
    fe_set_kids(l, both, bk, 2);
    return both;
}
