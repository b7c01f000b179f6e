/* dtypes' sizes and reprs, shapes' other printed forms, initializers and
 * the accessors.  (dtypes' names: ../common/vocab.c; shapes' rules and
 * TF's printed form: ../common/shapes.c) */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

size_t vs__dtype_size(vs_dtype dt)
{
    switch (vs__dtype_or_float(dt)) {
    case VS_FLOAT64: case VS_INT64: return 8;
    case VS_FLOAT16: case VS_INT16: return 2;
    case VS_INT8: case VS_UINT8: case VS_BOOL: return 1;
    default: return 4;
    }
}

const char *vs__dtype_repr(vs_dtype dt, char *buf, size_t n)
{
    snprintf(buf, n, "tf.%s", vs_dtype_name(dt));
    return buf;
}

bool vs__dtype_integer(vs_dtype dt)
{
    return dt == VS_INT32 || dt == VS_INT64 || dt == VS_INT8 ||
           dt == VS_INT16 || dt == VS_UINT8;
}

bool vs__init_valid(const vs_init *init)
{
    if ((unsigned)init->kind > (unsigned)VS_INIT_VARIANCE_SCALING)
        return false;
    if (init->kind == VS_INIT_VARIANCE_SCALING &&
        ((unsigned)init->mode > (unsigned)VS_FAN_AVG ||
         (unsigned)init->distribution > (unsigned)VS_DIST_UNIFORM))
        return false;
    return init->kind != VS_INIT_VALUE || init->value != NULL;
}

size_t vs__shape_elements(const vs_shape *s)
{
    size_t n = 1;
    for (int i = 0; i < s->rank; i++)
        n *= s->dims[i] > 0 ? (size_t)s->dims[i] : 0;
    return n;
}

const char *vs__tensor_repr(const vs_tensor *t, char *buf, size_t n)
{
    char shape[256];
    snprintf(buf, n, VS_MSG_TENSOR, t->name,
             vs__shape_str(&t->shape, shape, sizeof shape),
             vs_dtype_name(t->dtype));
    return buf;
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
vs_init vs_init_truncated_normal(double mean, double stddev)
{
    return (vs_init){.kind = VS_INIT_TRUNCATED_NORMAL, .a = mean, .b = stddev};
}
vs_init vs_init_random_uniform(double minval, double maxval)
{
    return (vs_init){.kind = VS_INIT_RANDOM_UNIFORM, .a = minval, .b = maxval};
}
vs_init vs_init_glorot_normal(void)
{
    return (vs_init){.kind = VS_INIT_GLOROT_NORMAL};
}
vs_init vs_init_variance_scaling(double scale, vs_fan_mode mode,
                                 vs_distribution distribution)
{
    return (vs_init){.kind = VS_INIT_VARIANCE_SCALING, .a = scale,
                     .mode = mode, .distribution = distribution};
}
/* init_ops.he_normal / he_uniform */
vs_init vs_init_he_normal(void)
{
    return vs_init_variance_scaling(2.0, VS_FAN_IN, VS_DIST_TRUNCATED_NORMAL);
}
vs_init vs_init_he_uniform(void)
{
    return vs_init_variance_scaling(2.0, VS_FAN_IN, VS_DIST_UNIFORM);
}
vs_init vs_init_seed(vs_init init, int64_t seed)
{
    init.seeded = true;
    init.seed = seed;
    return init;
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
bool vs_var_trainable(const vs_var *v) { return v && v->trainable; }
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
