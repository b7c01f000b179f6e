/* dtypes, shapes and initializers: checks and TF's printed forms. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const char *const dtype_names[] = {
    [VS_DTYPE_DEFAULT] = "float32", [VS_FLOAT32] = "float32",
    [VS_FLOAT64] = "float64",       [VS_INT32] = "int32",
    [VS_INT64] = "int64",           [VS_BOOL] = "bool",
};

bool vs__dtype_valid(vs_dtype dt)
{
    return (unsigned)dt <= (unsigned)VS_BOOL;
}

const char *vs_dtype_name(vs_dtype dt)
{
    return vs__dtype_valid(dt) ? dtype_names[dt] : "invalid";
}

vs_dtype vs__dtype_or_float(vs_dtype dt)
{
    return dt == VS_DTYPE_DEFAULT ? VS_FLOAT32 : dt;
}

bool vs__dtype_floating(vs_dtype dt)
{
    dt = vs__dtype_or_float(dt);
    return dt == VS_FLOAT32 || dt == VS_FLOAT64;
}

const char *vs__shape_problem(const vs_shape *s)
{
    if (s->rank < 0 || s->rank > VS_MAX_RANK)
        return "rank must be between 0 and 8";
    for (int i = 0; i < s->rank; i++)
        if (s->dims[i] < -1)
            return "dimensions must be >= 0, or -1 for unknown";
    return NULL;
}

bool vs__shape_fully_defined(const vs_shape *s)
{
    if (s->rank < 0)
        return false;
    for (int i = 0; i < s->rank; i++)
        if (s->dims[i] < 0)
            return false;
    return true;
}

/* TensorShape.is_compatible_with: unknown rank matches anything; else
 * equal ranks and each pair of dims equal or one of them unknown. */
bool vs__shape_compatible(const vs_shape *a, const vs_shape *b)
{
    if (a->rank < 0 || b->rank < 0)
        return true;
    if (a->rank != b->rank)
        return false;
    for (int i = 0; i < a->rank; i++)
        if (a->dims[i] >= 0 && b->dims[i] >= 0 && a->dims[i] != b->dims[i])
            return false;
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
    for (int i = 0; i < s->rank && used < n; i++) {
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

bool vs__init_valid(const vs_init *init)
{
    if ((unsigned)init->kind > (unsigned)VS_INIT_RANDOM_NORMAL)
        return false;
    return init->kind != VS_INIT_VALUE || init->value != NULL;
}

vs_init vs_init_value(vs_tensor *t)
{
    return (vs_init){.kind = VS_INIT_VALUE, .value = t};
}
vs_init vs_init_zeros(void) { return (vs_init){.kind = VS_INIT_ZEROS}; }
vs_init vs_init_ones(void) { return (vs_init){.kind = VS_INIT_ONES}; }
vs_init vs_init_constant(double c)
{
    return (vs_init){.kind = VS_INIT_CONSTANT, .a = c};
}
vs_init vs_init_glorot_uniform(void)
{
    return (vs_init){.kind = VS_INIT_GLOROT_UNIFORM};
}
vs_init vs_init_random_normal(double mean, double stddev)
{
    return (vs_init){.kind = VS_INIT_RANDOM_NORMAL, .a = mean, .b = stddev};
}

/* ---- accessors ---- */

const char *vs_tensor_name(const vs_tensor *t) { return t ? t->name : NULL; }
vs_dtype vs_tensor_dtype(const vs_tensor *t)
{
    return t ? t->dtype : VS_DTYPE_DEFAULT;
}
const vs_shape *vs_tensor_shape(const vs_tensor *t)
{
    return t ? &t->shape : NULL;
}
vs_tensor *vs_value(vs_var *v) { return v ? v->read : NULL; }
const char *vs_var_name(const vs_var *v) { return v ? v->name : NULL; }
vs_dtype vs_var_dtype(const vs_var *v)
{
    return v ? v->dtype : VS_DTYPE_DEFAULT;
}
const vs_shape *vs_var_shape(const vs_var *v) { return v ? &v->shape : NULL; }

int vs_var_repr(const vs_var *v, char *buf, size_t n)
{
    if (!v)
        return snprintf(buf, n, "None");
    char shape[256];
    return snprintf(buf, n, "<tf.Variable '%s' shape=%s dtype=%s_ref>",
                    v->name, vs__shape_str(&v->shape, shape, sizeof shape),
                    vs_dtype_name(v->dtype));
}

size_t vs_graph_variables(const vs_graph *g, vs_var **out, size_t cap)
{
    if (!g)
        return 0;
    const vs_ptrvec *v = &g->lists[VS_LIST_VARS];
    for (size_t i = 0; i < v->len && i < cap; i++)
        out[i] = v->items[i];
    return v->len;
}
