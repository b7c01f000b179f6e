/* Initializers and the accessors.  (dtypes: ../common/vocab.c; shapes:
 * ../common/shapes.c) */
#include <stdio.h>
#include <string.h>

#include "internal.h"

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
