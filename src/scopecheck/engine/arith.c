/* C's operators on abstract values: exact on known integers, and on
 * ranges as far as comparisons and a little arithmetic go. */
#include "absval.h"


static const av *unop(sc_engine *e, int op, const av *a)
{
    if (op == '!') {
        int t = av_truth(a);
        return t < 0 ? av_range(e, true, 0, true, 1) : av_int(e, !t);
    }
    if (a->kind == AV_FLOAT && (op == '-' || op == '+'))
        return op == '+' ? a : av_float(e, -a->d);
    if (a->kind != AV_INT)
        return av_top();
    switch (op) {
    case '-': return av_int(e, -a->i);
    case '+': return a;
    case '~': return av_int(e, ~a->i);
    }
    return av_top();
}

/* Two handles the library returned (neither NULL): the same object is
 * the same pointer; two graphs made by two vs_graph_new, or two
 * functions, are different pointers.  Unknown otherwise. */
static const av *handles_eq(sc_engine *e, const av *a, const av *b, bool eq)
{
    if (a->kind != b->kind || a->maybe_null || b->maybe_null)
        return av_top();
    int same = -1;
    switch (a->kind) {
    case AV_GRAPH:
        same = a->id == b->id;
        break;
    case AV_SCOPE:
        if (a->id && a->id == b->id)
            same = 1;
        break;
    case AV_TENSOR:
        if (a->t == b->t)
            same = 1;
        break;
    case AV_VAR:
        if (a->v == b->v)
            same = 1;
        break;
    case AV_FN:
        /* (one name taken in two units: one function, or two statics) */
        if (a->ntargets == 1 && b->ntargets == 1 &&
            (a->targets[0].name != b->targets[0].name ||
             a->targets[0].unit == b->targets[0].unit))
            same = a->targets[0].name == b->targets[0].name;
        break;
    default:
        break;
    }
    return same < 0 ? av_top() : av_int(e, eq ? same : !same);
}

static const av *pointer_eq(sc_engine *e, const av *a, const av *b, bool eq)
{
    /* p == NULL, NULL == p, p != NULL */
    const av *p = a->kind == AV_NULL || (a->kind == AV_INT && a->i == 0) ? b : a;
    const av *q = p == a ? b : a;
    if (!(q->kind == AV_NULL || (q->kind == AV_INT && q->i == 0)))
        return handles_eq(e, a, b, eq);
    int t = av_truth(p);
    if (t < 0)
        return av_top();
    return av_int(e, eq ? !t : t);
}

/* bounds of an integer value: known exactly, within a range, or not */
bool av_bounds(const av *v, bool *hl, int64_t *lo, bool *hh, int64_t *hi)
{
    if (v->kind == AV_INT) {
        *hl = *hh = true;
        *lo = *hi = v->i;
        return true;
    }
    if (v->kind != AV_TOP)
        return false;
    *hl = v->has_lo;
    *hh = v->has_hi;
    *lo = v->lo;
    *hi = v->hi;
    return true;
}

/* comparisons and a little arithmetic on ranges: enough to know that
 * argc >= 1, that argc % 3 is 0..2, and what a branch on them decides */
static const av *range_binop(sc_engine *e, int op, const av *a, const av *b)
{
    bool al, ah, bl, bh;
    int64_t alo, ahi, blo, bhi;
    if (!av_bounds(a, &al, &alo, &ah, &ahi) || !av_bounds(b, &bl, &blo, &bh, &bhi))
        return av_top();
    const int64_t big = INT64_MAX / 4;
    switch (op) {
    case IR_LT: /* a < b */
        if (ah && bl && ahi < blo) return av_int(e, 1);
        if (al && bh && alo >= bhi) return av_int(e, 0);
        return av_top();
    case IR_LE:
        if (ah && bl && ahi <= blo) return av_int(e, 1);
        if (al && bh && alo > bhi) return av_int(e, 0);
        return av_top();
    case IR_GT:
        return range_binop(e, IR_LT, b, a);
    case IR_GE:
        return range_binop(e, IR_LE, b, a);
    case IR_EQ: case IR_NE: {
        bool disjoint = (ah && bl && ahi < blo) || (bh && al && bhi < alo);
        return disjoint ? av_int(e, op == IR_NE) : av_top();
    }
    case IR_ADD: case IR_SUB:
        if (op == IR_ADD && a->kind == AV_INT && b->kind != AV_INT)
            return range_binop(e, op, b, a);        /* 1 + argc */
        if (b->kind == AV_INT && b->i > -big && b->i < big) {
            int64_t d = op == IR_ADD ? b->i : -b->i;
            return av_range(e, al && alo > -big && alo < big, alo + d,
                            ah && ahi > -big && ahi < big, ahi + d);
        }
        if (b->kind != AV_INT) {
            /* two ranges: lo + lo .. hi + hi (lo - hi .. hi - lo) */
            bool fl = al && alo > -big && alo < big, fh = ah && ahi > -big && ahi < big;
            bool gl = bl && blo > -big && blo < big, gh = bh && bhi > -big && bhi < big;
            if (op == IR_ADD)
                return av_range(e, fl && gl, alo + blo, fh && gh, ahi + bhi);
            return av_range(e, fl && gh, alo - bhi, fh && gl, ahi - blo);
        }
        return av_top();
    case IR_DIV: case IR_SHR:
        /* x / c (c > 0) and x >> c are monotone in x: argc / 2 */
        if (b->kind == AV_INT && b->i > 0 && (op == IR_DIV || b->i < 63)) {
            int64_t c = b->i;
            return av_range(e, al, op == IR_DIV ? alo / c : alo >> c,
                            ah, op == IR_DIV ? ahi / c : ahi >> c);
        }
        return av_top();
    case IR_BITAND:
        /* x & c (c >= 0) keeps only c's bits: 0 .. c, whatever x is
         * (argc & 2: an option bit) */
        if (a->kind == AV_INT && b->kind != AV_INT)
            return range_binop(e, op, b, a);
        if (b->kind == AV_INT && b->i >= 0)
            return av_range(e, true, 0, true, b->i);
        return av_top();
    case IR_MOD:
        if (b->kind == AV_INT && b->i > 0 && al && alo >= 0) {
            /* argc in 1..2: argc % 3 is argc itself */
            if (ah && alo / b->i == ahi / b->i)
                return av_range(e, true, alo % b->i, true, ahi % b->i);
            return av_range(e, true, 0, true, b->i - 1);
        }
        return av_top();
    default:
        return av_top();
    }
}

static const av *boolean(sc_engine *e, int op, const av *r)
{
    /* a comparison is 0 or 1 even when nobody knows which */
    if (r->kind == AV_TOP && op >= IR_LT && op <= IR_NE)
        return av_range(e, true, 0, true, 1);
    return r;
}

static const av *binop(sc_engine *e, int op, const av *a, const av *b)
{
    if ((op == IR_EQ || op == IR_NE) &&
        (av_is_pointer(a) || av_is_pointer(b) || a->kind == AV_NULL ||
         b->kind == AV_NULL))
        return boolean(e, op, pointer_eq(e, a, b, op == IR_EQ));
    if (a->kind != AV_INT || b->kind != AV_INT)
        return boolean(e, op, range_binop(e, op, a, b));
    int64_t x = a->i, y = b->i;
    switch (op) {
    case IR_ADD: return av_int(e, (int64_t)((uint64_t)x + (uint64_t)y));
    case IR_SUB: return av_int(e, (int64_t)((uint64_t)x - (uint64_t)y));
    case IR_MUL: return av_int(e, (int64_t)((uint64_t)x * (uint64_t)y));
    case IR_DIV: return y == 0 || (x == INT64_MIN && y == -1) ? av_top() : av_int(e, x / y);
    case IR_MOD: return y == 0 || (x == INT64_MIN && y == -1) ? av_top() : av_int(e, x % y);
    case IR_SHL: return y < 0 || y > 62 ? av_top() : av_int(e, (int64_t)((uint64_t)x << y));
    case IR_SHR: return y < 0 || y > 62 ? av_top() : av_int(e, x >> y);
    case IR_LT: return av_int(e, x < y);
    case IR_GT: return av_int(e, x > y);
    case IR_LE: return av_int(e, x <= y);
    case IR_GE: return av_int(e, x >= y);
    case IR_EQ: return av_int(e, x == y);
    case IR_NE: return av_int(e, x != y);
    case IR_BITAND: return av_int(e, x & y);
    case IR_BITOR: return av_int(e, x | y);
    case IR_BITXOR: return av_int(e, x ^ y);
    }
    return av_top();
}

const av *av_unop(sc_engine *e, int op, const av *a)
{
    return av_lost_from(e, unop(e, op, a), a, NULL);
}

/* a range with a bound: what a test or arithmetic knew of a value */
static bool bounded(const av *v)
{
    return v->kind == AV_TOP && (v->has_lo || v->has_hi);
}

const av *av_binop(sc_engine *e, int op, const av *a, const av *b)
{
    const av *r = av_lost_from(e, binop(e, op, a, b), a, b);
    /* Arithmetic that drops every bound its operands had (argc * 2,
     * argc - argc) computed a value that is not any value: an input's
     * choice would take each arm of a test on it for a run (argc * 2 <=
     * 0 is none), so it is lost, and a test on it doubtful. */
    if (op <= IR_SHR || (op >= IR_BITAND && op <= IR_BITXOR)) {
        if (r->kind == AV_TOP && !r->lost && !r->has_lo && !r->has_hi &&
            (bounded(a) || bounded(b)))
            return av_lost(e);
    }
    return r;
}

/* an integer known not to be 0: a range that starts or ends at 0 loses
 * that end */
const av *av_nonzero(sc_engine *e, const av *v)
{
    if (v->kind != AV_TOP || !((v->has_lo && v->lo == 0) || (v->has_hi && v->hi == 0)))
        return v;
    return av_range(e, v->has_lo, v->has_lo && v->lo == 0 ? 1 : v->lo,
                    v->has_hi, v->has_hi && v->hi == 0 ? -1 : v->hi);
}

