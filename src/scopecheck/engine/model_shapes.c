/* dtypes and shapes over abstract values: TF's rules (../../common/
 * shapes.h) where every dimension is known, three-valued where some are
 * not (SC_TOP_RANK, and the unknown dimensions of absval.h: SC_TOP_DIM,
 * SC_DIM_VALID >= -1, SC_DIM_DEFINED >= 0). */
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

int m_dtype_floating(int dt)
{
    if (dt == SC_DT_TOP)
        return MAYBE;
    return vs__dtype_floating((vs_dtype)dt) ? YES : NO;
}

static bool rank_in_range(const sc_shape *s)
{
    return s->rank >= 0 && s->rank <= SC_MAX_RANK;
}

/* a shape as the library could hold it: unknown dims as -1, for texts */
static sc_shape printable(const sc_shape *s)
{
    sc_shape p = *s;
    for (int i = 0; rank_in_range(s) && i < s->rank; i++)
        if (dim_top(p.dims[i]))
            p.dims[i] = -1;
    return p;
}

const char *m_shape_str(sc_engine *e, const sc_shape *s)
{
    if (s->rank == SC_TOP_RANK)
        return "(?)";
    if (s->rank < 0)
        return "<unknown>";
    char buf[256];
    sc_shape p = printable(s);
    return sc_istr(e, vs__shape_str(&p, buf, sizeof buf));
}

const char *m_shape_dims(sc_engine *e, const sc_shape *s)
{
    if (s->rank == SC_TOP_RANK)
        return "?";
    char buf[256];
    sc_shape p = printable(s);
    return sc_istr(e, vs__shape_dims(&p, buf, sizeof buf));
}

const char *m_shape_list(sc_engine *e, const sc_shape *s)
{
    if (s->rank == SC_TOP_RANK)
        return "?";
    char buf[256];
    sc_shape p = printable(s);
    return sc_istr(e, vs__shape_list(&p, buf, sizeof buf));
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
        else if (!dim_top(s->dims[i]) && s->dims[i] < -1)
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
        int64_t d = s->dims[i];
        if (d == SC_TOP_DIM || d == SC_DIM_VALID)
            tri = MAYBE;
        else if (!dim_top(d) && d < 0)
            return YES;
    }
    return tri;
}

/* two dims (-1: None) that may differ: YES they conflict, NO, MAYBE */
static int dims_conflict(int64_t x, int64_t y)
{
    if (dim_top(x) || dim_top(y))
        return (x == -1 || y == -1) ? NO : MAYBE;
    return x >= 0 && y >= 0 && x != y ? YES : NO;
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
    for (int i = 0; i < a->rank && i < SC_MAX_RANK; i++) {
        int c = dims_conflict(a->dims[i], b->dims[i]);
        if (c == YES)
            return YES;
        if (c == MAYBE)
            tri = MAYBE;
    }
    return tri;
}

int m_broadcast(const sc_shape *a, const sc_shape *b, sc_shape *out)
{
    if (a->rank == SC_TOP_RANK || b->rank == SC_TOP_RANK) {
        *out = m_unknown_shape;
        return MAYBE;
    }
    if (shape_known(a) && shape_known(b))
        return vs__broadcast(a, b, out) ? NO : YES;
    if (a->rank < 0 || b->rank < 0) {
        out->rank = -1;
        return NO;
    }
    int rank = a->rank > b->rank ? a->rank : b->rank, tri = NO;
    if (rank > SC_MAX_RANK)
        return YES;
    out->rank = rank;
    for (int i = 0; i < rank; i++) {
        int ia = a->rank - rank + i, ib = b->rank - rank + i;
        int64_t da = ia >= 0 ? a->dims[ia] : 1, db = ib >= 0 ? b->dims[ib] : 1;
        if (dim_top(da) || dim_top(db)) {
            /* an unknown against 1 or None broadcasts; else it may not */
            if (da == 1 || da == -1)
                out->dims[i] = db;
            else if (db == 1 || db == -1)
                out->dims[i] = da;
            else {
                out->dims[i] = SC_TOP_DIM;
                tri = MAYBE;
            }
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

/* vs_tensor_shape's result: a pointer to the shape as a C value (dims
 * past the rank unknown) */
const av *m_shape_value(sc_engine *e, const sc_shape *s)
{
    if (s->rank == SC_TOP_RANK || s->rank < -1 || s->rank > SC_MAX_RANK)
        return av_box(e, av_top());
    const char **names = sc_alloc(&e->arena, 2 * sizeof *names);
    const av **vals = sc_alloc(&e->arena, 2 * sizeof *vals);
    uint32_t n = s->rank > 0 ? (uint32_t)s->rank : 0;
    const av **dims = sc_alloc(&e->arena, (n + 1) * sizeof *dims);
    for (uint32_t i = 0; i < n; i++) {
        int64_t d = s->dims[i];
        dims[i] = d == SC_TOP_DIM       ? av_top()
                  : d == SC_DIM_VALID   ? av_range(e, true, -1, false, 0)
                  : d == SC_DIM_DEFINED ? av_range(e, true, 0, false, 0)
                                        : av_int(e, d);
    }
    names[0] = sc_istr(e, "rank");
    vals[0] = av_int(e, s->rank);
    names[1] = sc_istr(e, "dims");
    vals[1] = av_agg(e, n, NULL, dims, false);
    return av_box(e, av_agg(e, 2, names, vals, false));
}
