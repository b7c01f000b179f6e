/* Ops: tf.constant, tf.placeholder, tf.add, tf.matmul (semantics.md §5). */
#include <string.h>

#include "internal.h"

static const vs_op_opts no_opts;

static vs_tensor *output(vs_graph *g, const char *op, vs_dtype dt,
                         const vs_shape *shape)
{
    if (!op)
        return NULL;
    const char *name = vs__intern3(g, op, ":0", "");
    return name ? vs__new_tensor(g, name, dt, shape) : NULL;
}

/* tf.constant calls create_op("Const", name=...) directly: no name scope,
 * the node name is checked against the op pattern only. */
static const char *const_op_name(vs_graph *g, const char *name)
{
    if (!name[0])
        return vs__fail(g, VS_ERR_INVALID_NAME,
                        VS_MSG_EMPTY_OP_NAME);
    size_t len = strlen(name);
    const char *op;
    if (name[len - 1] == '/') {
        /* A trailing "/" names the node verbatim. */
        return vs__op_name(g, g->name_scope, name);
    }
    op = vs__unique_name(g, g->name_scope, name);
    if (!op)
        return NULL;
    if (vs_smap_find(&g->nodes, op, strlen(op)))
        return vs__fail(g, VS_ERR_INVALID_NAME,
                        VS_MSG_DUPLICATE_NODE, op);
    if (!vs__valid_op_name(op))
        return vs__fail(g, VS_ERR_INVALID_NAME,
                        VS_MSG_INVALID_NODE_NAME, op);
    return vs__add_node(g, op) < 0 ? NULL : op;
}

static vs_tensor *constant(vs_graph *g, vs_dtype dt, const vs_shape *shape,
                           const void *data, size_t n, const vs_op_opts *o,
                           const char *file, int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!o)
        o = &no_opts;
    vs__begin(g);
    vs_tensor *t = NULL;
    if (!vs__dtype_valid(dt))
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_DTYPE_INVALID);
    else if (!shape)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_CONSTANT_NO_SHAPE);
    else if (vs__shape_problem(shape))
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "%s", vs__shape_problem(shape));
    else if (!vs__shape_fully_defined(shape))
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "a constant's shape must be fully defined");
    else if (!data && n > 0)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_CONSTANT_DATA_NULL);
    else
        t = output(g, const_op_name(g, o->name ? o->name : "Const"),
                   vs__dtype_or_float(dt), shape);
    if (!t)
        return vs__fail_call(g, file, line);
    vs__commit(g);
    return t;
}

static size_t elements(const vs_shape *s)
{
    size_t n = 1;
    for (int i = 0; s && i < s->rank && i < VS_MAX_RANK; i++)
        n *= s->dims[i] > 0 ? (size_t)s->dims[i] : 0;
    return n;
}

vs_tensor *vs_constant_at(vs_graph *g, vs_dtype dt, const vs_shape *shape,
                          const void *data, const vs_op_opts *opts,
                          const char *file, int line)
{
    return constant(g, dt, shape, data, elements(shape), opts, file, line);
}

vs_tensor *vs_scalar_i32_at(vs_graph *g, int32_t v, const vs_op_opts *opts,
                            const char *file, int line)
{
    return constant(g, VS_INT32, VS_SCALAR, &v, 1, opts, file, line);
}

vs_tensor *vs_scalar_f32_at(vs_graph *g, float v, const vs_op_opts *opts,
                            const char *file, int line)
{
    return constant(g, VS_FLOAT32, VS_SCALAR, &v, 1, opts, file, line);
}

vs_tensor *vs_constant_i32_at(vs_graph *g, size_t n, const int32_t *v,
                              const vs_op_opts *opts, const char *file,
                              int line)
{
    vs_shape s = {1, {(int64_t)n}};
    return constant(g, VS_INT32, &s, v, n, opts, file, line);
}

vs_tensor *vs_constant_f32_at(vs_graph *g, size_t n, const float *v,
                              const vs_op_opts *opts, const char *file,
                              int line)
{
    vs_shape s = {1, {(int64_t)n}};
    return constant(g, VS_FLOAT32, &s, v, n, opts, file, line);
}

vs_tensor *vs_placeholder_at(vs_graph *g, vs_dtype dt, const vs_shape *shape,
                             const vs_op_opts *o, const char *file, int line)
{
    static const vs_shape unknown = {-1, {0}};
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!o)
        o = &no_opts;
    vs__begin(g);
    vs_tensor *t = NULL;
    if (!vs__dtype_valid(dt))
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_DTYPE_INVALID);
    else if (shape && vs__shape_problem(shape))
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "%s", vs__shape_problem(shape));
    else
        t = output(g,
                   vs__op_name(g, g->name_scope,
                               o->name ? o->name : "Placeholder"),
                   vs__dtype_or_float(dt), shape ? shape : &unknown);
    if (!t)
        return vs__fail_call(g, file, line);
    vs__commit(g);
    return t;
}

static vs_tensor *binary(vs_graph *g, const char *type, vs_tensor *a,
                         vs_tensor *b, const vs_op_opts *o, const char *file,
                         int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!o)
        o = &no_opts;
    vs__begin(g);
    vs_tensor *t = NULL;
    char sa[256], sb[256];
    vs_shape out;
    const char *op;
    if (!a || !b) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_INPUT_NULL, type,
                 !a ? "a" : "b");
    } else if (!(op = vs__op_name(g, g->name_scope, o->name ? o->name : type))) {
        ;
    } else if (vs__dtype_or_float(a->dtype) != vs__dtype_or_float(b->dtype)) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 VS_MSG_INPUT_DTYPES,
                 type, vs_dtype_name(b->dtype), vs_dtype_name(a->dtype));
    } else if (strcmp(type, "Add") == 0) {
        if (!vs__broadcast(&a->shape, &b->shape, &out))
            vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                     VS_MSG_ADD_SHAPES,
                     vs__shape_str(&a->shape, sa, sizeof sa),
                     vs__shape_str(&b->shape, sb, sizeof sb));
        else
            t = output(g, op, a->dtype, &out);
    } else {
        if (!vs__matmul_shape(&a->shape, &b->shape, &out))
            vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_MATMUL_SHAPES,
                     vs__shape_str(&a->shape, sa, sizeof sa),
                     vs__shape_str(&b->shape, sb, sizeof sb));
        else
            t = output(g, op, a->dtype, &out);
    }
    if (!t)
        return vs__fail_call(g, file, line);
    vs__commit(g);
    return t;
}

vs_tensor *vs_add_at(vs_graph *g, vs_tensor *a, vs_tensor *b,
                     const vs_op_opts *opts, const char *file, int line)
{
    return binary(g, "Add", a, b, opts, file, line);
}

vs_tensor *vs_matmul_at(vs_graph *g, vs_tensor *a, vs_tensor *b,
                        const vs_op_opts *opts, const char *file, int line)
{
    return binary(g, "MatMul", a, b, opts, file, line);
}
