/* TensorShape's rules on known shapes, their printed forms, conv sizes
 * and get_collection's scope filter (see shapes.h). */
#include <inttypes.h>
#include <regex.h>
#include <stdio.h>

#include "shapes.h"

const char *vs__shape_problem(const vs_shape *s)
{
    if (s->rank < 0 || s->rank > VS_MAX_RANK)
        return "rank must be between 0 and 8";
    for (int i = 0; i < s->rank; i++)   /* rank <= VS_MAX_RANK here */
        if (s->dims[i] < -1)
            return "dimensions must be >= 0, or -1 for unknown";
    return NULL;
}

bool vs__shape_fully_defined(const vs_shape *s)
{
    if (s->rank < 0)
        return false;
    for (int i = 0; i < s->rank && i < VS_MAX_RANK; i++)
        if (s->dims[i] < 0)
            return false;
    return true;
}

bool vs__shape_compatible(const vs_shape *a, const vs_shape *b)
{
    if (a->rank < 0 || b->rank < 0)
        return true;
    if (a->rank != b->rank)
        return false;
    for (int i = 0; i < a->rank && i < VS_MAX_RANK; i++)
        if (a->dims[i] >= 0 && b->dims[i] >= 0 && a->dims[i] != b->dims[i])
            return false;
    return true;
}

bool vs__broadcast(const vs_shape *a, const vs_shape *b, vs_shape *out)
{
    if (a->rank < 0 || b->rank < 0) {
        out->rank = -1;
        return true;
    }
    int r = a->rank > b->rank ? a->rank : b->rank;
    if (r > VS_MAX_RANK)
        return false;
    out->rank = r;
    for (int i = 0; i < r; i++) {
        int ia = a->rank - r + i, ib = b->rank - r + i;
        int64_t da = ia >= 0 ? a->dims[ia] : 1, db = ib >= 0 ? b->dims[ib] : 1;
        if (da == 1)
            out->dims[i] = db;
        else if (db == 1 || da == db)
            out->dims[i] = da;
        else if (da < 0 || db < 0)
            out->dims[i] = da < 0 ? db : da;
        else
            return false;
    }
    return true;
}

bool vs__matmul_shape(const vs_shape *a, const vs_shape *b, vs_shape *out)
{
    if (a->rank >= 0 && b->rank >= 0 &&
        (a->rank != 2 || b->rank != 2 ||
         (a->dims[1] >= 0 && b->dims[0] >= 0 && a->dims[1] != b->dims[0])))
        return false;
    out->rank = 2;
    out->dims[0] = a->rank == 2 ? a->dims[0] : -1;
    out->dims[1] = b->rank == 2 ? b->dims[1] : -1;
    return true;
}

const char *vs__shape_str(const vs_shape *s, char *buf, size_t n)
{
    if (s->rank < 0) {
        snprintf(buf, n, "<unknown>");
        return buf;
    }
    size_t used = 0;
    used += (size_t)snprintf(buf, n, "(");
    for (int i = 0; i < s->rank && i < VS_MAX_RANK && used < n; i++) {
        if (s->dims[i] < 0)
            used += (size_t)snprintf(buf + used, n - used, "%s?",
                                     i ? ", " : "");
        else
            used += (size_t)snprintf(buf + used, n - used, "%s%" PRId64,
                                     i ? ", " : "", s->dims[i]);
    }
    if (used < n)
        snprintf(buf + used, n - used, s->rank == 1 ? ",)" : ")");
    return buf;
}

/* "[d<sep>d...]", an unknown rank or dimension written `unknown` */
static const char *shape_as_list(const vs_shape *s, const char *unknown,
                                 const char *sep, char *buf, size_t n)
{
    if (s->rank < 0) {
        snprintf(buf, n, "%s", unknown);
        return buf;
    }
    size_t used = (size_t)snprintf(buf, n, "[");
    for (int i = 0; i < s->rank && used < n; i++) {
        const char *before = i ? sep : "";
        if (s->dims[i] < 0)
            used += (size_t)snprintf(buf + used, n - used, "%s%s", before,
                                     unknown);
        else
            used += (size_t)snprintf(buf + used, n - used, "%s%" PRId64,
                                     before, s->dims[i]);
    }
    if (used < n)
        snprintf(buf + used, n - used, "]");
    return buf;
}

const char *vs__shape_list(const vs_shape *s, char *buf, size_t n)
{
    return shape_as_list(s, "None", ", ", buf, n);
}

const char *vs__shape_dims(const vs_shape *s, char *buf, size_t n)
{
    return shape_as_list(s, "?", ",", buf, n);
}

int64_t vs__conv_out_len(int64_t in, int64_t k, int64_t stride,
                         int64_t dilation, bool same)
{
    if (in < 0)
        return -1;
    int64_t eff = (k - 1) * dilation + 1;
    if (same)
        return (in + stride - 1) / stride;
    if (in < eff)   /* the shape function's Subtract(in, k) */
        return -2;
    return (in - eff + stride) / stride;
}

/* POSIX's leftmost match starts at 0 exactly when some match does. */
int vs__scope_match(const char *pattern, const char *name, char *why,
                    size_t n)
{
    regex_t re;
    int rc = regcomp(&re, pattern, REG_EXTENDED);
    if (rc != 0) {
        regerror(rc, &re, why, n);
        return -1;
    }
    regmatch_t m;
    int hit = regexec(&re, name, 1, &m, 0) == 0 && m.rm_so == 0;
    regfree(&re);
    return hit;
}
