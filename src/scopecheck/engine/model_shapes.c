/* dtypes and shapes over abstract values: TF's rules (../../common/
 * shapes.h) where every dimension is known, three-valued where some are
 * not (SC_TOP_RANK, SC_TOP_DIM). */
#include <stdio.h>

#include "model_int.h"

const char *m_dtype_name(int dt)
{
    return dt >= 0 && vs__dtype_valid((vs_dtype)dt) ? vs_dtype_name((vs_dtype)dt)
                                                    : "?";
}

int m_dtype_or_float(int dt)
{
    return dt == SC_DT_TOP ? dt : (int)vs__dtype_or_float((vs_dtype)dt);
}

/* a dtype argument the library rejects: YES, NO, MAYBE (unknown) */
int m_dtype_invalid(int dt)
{
    if (dt == SC_DT_TOP)
        return MAYBE;
    return dt < 0 || !vs__dtype_valid((vs_dtype)dt) ? YES : NO;
}

static bool rank_in_range(const sc_shape *s)
{
    return s->rank >= 0 && s->rank <= SC_MAX_RANK;
}

const char *m_shape_str(sc_engine *e, const sc_shape *s)
{
    if (s->rank == SC_TOP_RANK)
        return "(?)";
    if (s->rank < 0)
        return "<unknown>";
    char buf[256];
    return sc_istr(e, vs__shape_str(s, buf, sizeof buf));
}

const char *m_tensor_repr(mrun *r, const sc_tensor *t, const sc_shape *shape,
                          char *buf, size_t n)
{
    snprintf(buf, n, VS_MSG_TENSOR, t && t->name ? t->name : "?",
             shape ? m_shape_str(r->e, shape) : "?",
             m_dtype_name(t ? t->dtype : SC_DT_TOP));
    return buf;
}

int m_shape_problem(const sc_shape *s)
{
    if (s->rank == SC_TOP_RANK)
        return MAYBE;
    if (!rank_in_range(s) || shape_known(s))
        return vs__shape_problem(s) ? YES : NO;
    int tri = NO;
    for (int i = 0; i < s->rank; i++) {
        if (s->dims[i] == SC_TOP_DIM)
            tri = MAYBE;
        else if (s->dims[i] < -1)
            return YES;
    }
    return tri;
}

int m_undefined(const sc_shape *s)
{
    if (s->rank == SC_TOP_RANK)
        return MAYBE;
    if (!rank_in_range(s) || shape_known(s))
        return vs__shape_fully_defined(s) ? NO : YES;
    int tri = NO;
    for (int i = 0; i < s->rank; i++) {
        if (s->dims[i] == SC_TOP_DIM)
            tri = MAYBE;
        else if (s->dims[i] < 0)
            return YES;
    }
    return tri;
}

int m_incompatible(const sc_shape *a, const sc_shape *b)
{
    if (a->rank == SC_TOP_RANK || b->rank == SC_TOP_RANK)
        return MAYBE;
    if (shape_known(a) && shape_known(b))
        return vs__shape_compatible(a, b) ? NO : YES;
    if (a->rank < 0 || b->rank < 0)
        return NO;
    if (a->rank != b->rank)
        return YES;
    int tri = NO;
    for (int i = 0; i < a->rank; i++) {
        int64_t x = a->dims[i], y = b->dims[i];
        if (x == SC_TOP_DIM || y == SC_TOP_DIM)
            tri = MAYBE;
        else if (x >= 0 && y >= 0 && x != y)
            return YES;
    }
    return tri;
}

int m_broadcast(const sc_shape *a, const sc_shape *b, sc_shape *out)
{
    if (a->rank == SC_TOP_RANK || b->rank == SC_TOP_RANK) {
        *out = (sc_shape){SC_TOP_RANK, {0}};
        return MAYBE;
    }
    if (shape_known(a) && shape_known(b))
        return vs__broadcast(a, b, out) ? NO : YES;
    if (a->rank < 0 || b->rank < 0) {
        out->rank = -1;
        return NO;
    }
    int rank = a->rank > b->rank ? a->rank : b->rank, tri = NO;
    out->rank = rank;
    for (int i = 0; i < rank; i++) {
        int ia = a->rank - rank + i, ib = b->rank - rank + i;
        int64_t da = ia >= 0 ? a->dims[ia] : 1, db = ib >= 0 ? b->dims[ib] : 1;
        if (da == SC_TOP_DIM || db == SC_TOP_DIM) {
            out->dims[i] = SC_TOP_DIM;
            tri = MAYBE;
        } else if (da == 1)
            out->dims[i] = db;
        else if (db == 1 || da == db)
            out->dims[i] = da;
        else if (da < 0 || db < 0)
            out->dims[i] = da < 0 ? db : da;
        else
            return YES;
    }
    return tri;
}

int m_matmul(const sc_shape *x, const sc_shape *y, sc_shape *out)
{
    if (shape_known(x) && shape_known(y))
        return vs__matmul_shape(x, y, out) ? NO : YES;
    int bad = NO;
    if (x->rank == SC_TOP_RANK || y->rank == SC_TOP_RANK)
        bad = MAYBE;
    else if (x->rank >= 0 && y->rank >= 0) {
        if (x->rank != 2 || y->rank != 2)
            bad = YES;
        else if (x->dims[1] == SC_TOP_DIM || y->dims[0] == SC_TOP_DIM)
            bad = MAYBE;
        else if (x->dims[1] >= 0 && y->dims[0] >= 0 && x->dims[1] != y->dims[0])
            bad = YES;
    }
    out->rank = 2;
    out->dims[0] = x->rank == 2 ? x->dims[0] : x->rank == SC_TOP_RANK ? SC_TOP_DIM : -1;
    out->dims[1] = y->rank == 2 ? y->dims[1] : y->rank == SC_TOP_RANK ? SC_TOP_DIM : -1;
    return bad;
}
