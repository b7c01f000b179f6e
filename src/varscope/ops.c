/* Ops: tf.constant, tf.placeholder, tf.add, tf.matmul, and the math_ops
 * and nn_ops the layers and a loss are made of (semantics.md §5).  Each
 * output records its op and inputs: the session computes them, and
 * minimize asks which variables a loss depends on. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const vs_op_opts no_opts;

/* The output "<op>:0" of the op named op (NULL: naming it failed), which
 * computes kind from its n inputs. */
static vs_tensor *output(vs_graph *g, const char *op, vs_opkind kind,
                         vs_dtype dt, const vs_shape *shape, int n,
                         vs_tensor *const *in)
{
    if (!op)
        return NULL;
    const char *name = vs__intern3(g, op, ":0", "");
    vs_tensor *t = name ? vs__new_tensor(g, name, dt, shape) : NULL;
    return t && vs__set_inputs(g, t, kind, n, in) == 0 ? t : NULL;
}

vs_tensor *vs__op(vs_graph *g, const char *name, vs_dtype dt,
                  const vs_shape *shape)
{
    return vs__op_in(g, name, VS_OP_OPAQUE, dt, shape, 0, NULL);
}

int vs__set_inputs(vs_graph *g, vs_tensor *t, vs_opkind kind, int n,
                   vs_tensor *const *in)
{
    t->op = kind;
    t->nin = 0;
    if (n == 0)
        return 0;
    t->in = vs__calloc(g, (size_t)n * sizeof *t->in);
    if (!t->in)
        return -1;
    memcpy(t->in, in, (size_t)n * sizeof *in);
    t->nin = n;
    return 0;
}

vs_tensor *vs__op_in(vs_graph *g, const char *name, vs_opkind kind,
                     vs_dtype dt, const vs_shape *shape, int n,
                     vs_tensor *const *in)
{
    return output(g, vs__op_name(g, g->name_scope, name), kind, dt, shape, n,
                  in);
}

/* tf.constant calls create_op("Const", name=...) directly: no name scope,
 * the node name is checked against the op pattern only. */
static const char *const_op_name(vs_graph *g, const char *name)
{
    if (!name[0])
        return vs__fail(g, VS_ERR_INVALID_NAME,
                        VS_MSG_EMPTY_OP_NAME);
    if (name[strlen(name) - 1] == '/')   /* names the node verbatim */
        return vs__op_name(g, g->name_scope, name);
    const char *op = vs__unique_name(g, g->name_scope, name);
    return op ? vs__new_node(g, op) : NULL;
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
                   VS_OP_CONST, vs__dtype_or_float(dt), shape, 0, NULL);
    if (t) {
        size_t bytes = n * vs__dtype_size(dt);
        void *copy = bytes ? vs__calloc(g, bytes) : NULL;
        if (bytes && !copy)
            t = NULL;
        else if (bytes)
            memcpy(copy, data, bytes);
        if (t)
            t->data = copy;
    }
    return vs__end_call(g, t, file, line);
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
                   VS_OP_PLACEHOLDER, vs__dtype_or_float(dt),
                   shape ? shape : &unknown, 0, NULL);
    return vs__end_call(g, t, file, line);
}

/* "Dimensions must be equal, but are 3 and 4 for 'Add' (op: 'Add') with
 * input shapes: [2,3], [4]." as TF's C++ shape functions say it. */
static void *shape_error(vs_graph *g, const char *what, const char *op,
                         const char *type, const vs_tensor *a,
                         const vs_tensor *b)
{
    char sa[256], sb[256];
    return vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_SHAPE_FN, what, op,
                    type, vs__shape_dims(&a->shape, sa, sizeof sa),
                    vs__shape_dims(&b->shape, sb, sizeof sb));
}

/* The op's inputs agree in dtype, as op_def_library checks a type attr. */
static bool same_dtype(vs_graph *g, const char *type, const char *xn,
                       const vs_tensor *x, const char *yn, const vs_tensor *y)
{
    if (vs__dtype_or_float(x->dtype) == vs__dtype_or_float(y->dtype))
        return true;
    vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_INPUT_TYPE, yn, type,
             vs_dtype_name(y->dtype), vs_dtype_name(x->dtype), xn);
    return false;
}

/* Add, Sub or Mul (type), with broadcasting */
static vs_tensor *elementwise(vs_graph *g, const char *type, vs_tensor *a,
                              vs_tensor *b, const char *name)
{
    vs_opkind kind = type[0] == 'A'   ? VS_OP_ADD
                     : type[0] == 'S' ? VS_OP_SUB
                                      : VS_OP_MUL;
    const char *op = vs__op_name(g, g->name_scope, name ? name : type);
    vs_shape out;
    if (!op || !same_dtype(g, type, "x", a, "y", b))
        return NULL;
    if (!vs__broadcast(&a->shape, &b->shape, &out)) {
        char what[96];
        int64_t da = 0, db = 0;
        for (int i = 1; i <= a->shape.rank && i <= b->shape.rank; i++) {
            da = a->shape.dims[a->shape.rank - i];
            db = b->shape.dims[b->shape.rank - i];
            if (da >= 0 && db >= 0 && da != db && da != 1 && db != 1)
                break;
        }
        snprintf(what, sizeof what, VS_MSG_DIMS_EQUAL,
                 (long long)da, (long long)db);
        return shape_error(g, what, op, type, a, b);
    }
    vs_tensor *in[2] = {a, b};
    return output(g, op, kind, a->dtype, &out, 2, in);
}

static vs_tensor *matmul(vs_graph *g, vs_tensor *a, vs_tensor *b,
                         const char *name)
{
    const char *op = vs__op_name(g, g->name_scope, name ? name : "MatMul");
    char what[96];
    if (!op || !same_dtype(g, "MatMul", "a", a, "b", b))
        return NULL;
    const vs_tensor *bad = a->shape.rank >= 0 && a->shape.rank != 2 ? a
                           : b->shape.rank >= 0 && b->shape.rank != 2 ? b
                                                                       : NULL;
    if (bad) {
        snprintf(what, sizeof what, VS_MSG_RANK, 2, bad->shape.rank);
        return shape_error(g, what, op, "MatMul", a, b);
    }
    int64_t k1 = a->shape.rank == 2 ? a->shape.dims[1] : -1;
    int64_t k2 = b->shape.rank == 2 ? b->shape.dims[0] : -1;
    if (k1 >= 0 && k2 >= 0 && k1 != k2) {
        snprintf(what, sizeof what, VS_MSG_DIMS_EQUAL,
                 (long long)k1, (long long)k2);
        return shape_error(g, what, op, "MatMul", a, b);
    }
    vs_shape out = {2, {a->shape.rank == 2 ? a->shape.dims[0] : -1,
                        b->shape.rank == 2 ? b->shape.dims[1] : -1}};
    vs_tensor *in[2] = {a, b};
    return output(g, op, VS_OP_MATMUL, a->dtype, &out, 2, in);
}

/* nn.bias_add: value of rank >= 2, bias of rank 1 matching its last dim */
static vs_tensor *bias_add(vs_graph *g, vs_tensor *v, vs_tensor *b,
                           const char *name)
{
    const char *op = vs__op_name(g, g->name_scope, name ? name : "BiasAdd");
    char what[96];
    if (!op || !same_dtype(g, "BiasAdd", "value", v, "bias", b))
        return NULL;
    if (v->shape.rank >= 0 && v->shape.rank < 2) {
        snprintf(what, sizeof what, VS_MSG_MIN_RANK, 2, v->shape.rank);
        return shape_error(g, what, op, "BiasAdd", v, b);
    }
    if (b->shape.rank >= 0 && b->shape.rank != 1) {
        snprintf(what, sizeof what, VS_MSG_RANK, 1, b->shape.rank);
        return shape_error(g, what, op, "BiasAdd", v, b);
    }
    vs_shape out = v->shape;
    int64_t dv = v->shape.rank > 0 ? v->shape.dims[v->shape.rank - 1] : -1;
    int64_t db = b->shape.rank == 1 ? b->shape.dims[0] : -1;
    if (dv >= 0 && db >= 0 && dv != db) {
        snprintf(what, sizeof what, VS_MSG_DIMS_EQUAL,
                 (long long)dv, (long long)db);
        return shape_error(g, what, op, "BiasAdd", v, b);
    }
    if (out.rank > 0 && dv < 0)
        out.dims[out.rank - 1] = db;
    vs_tensor *in[2] = {v, b};
    return output(g, op, VS_OP_BIAS_ADD, v->dtype, &out, 2, in);
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
    if (!a || !b)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_INPUT_NULL, type,
                 !a ? (type[0] == 'B' ? "value" : "a")
                    : (type[0] == 'B' ? "bias" : "b"));
    else if (strcmp(type, "MatMul") == 0)
        t = matmul(g, a, b, o->name);
    else if (strcmp(type, "BiasAdd") == 0)
        t = bias_add(g, a, b, o->name);
    else
        t = elementwise(g, type, a, b, o->name);
    return vs__end_call(g, t, file, line);
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

vs_tensor *vs_subtract_at(vs_graph *g, vs_tensor *a, vs_tensor *b,
                          const vs_op_opts *opts, const char *file, int line)
{
    return binary(g, "Sub", a, b, opts, file, line);
}

vs_tensor *vs_multiply_at(vs_graph *g, vs_tensor *a, vs_tensor *b,
                          const vs_op_opts *opts, const char *file, int line)
{
    return binary(g, "Mul", a, b, opts, file, line);
}

vs_tensor *vs_bias_add_at(vs_graph *g, vs_tensor *value, vs_tensor *bias,
                          const vs_op_opts *opts, const char *file, int line)
{
    return binary(g, "BiasAdd", value, bias, opts, file, line);
}

/* The allowed dtypes of Sigmoid and Tanh's attr T (the float types). */
static vs_tensor *unary_op(vs_graph *g, const char *type, vs_opkind kind,
                           vs_tensor *x, const char *name)
{
    const char *op = vs__op_name(g, g->name_scope, name ? name : type);
    if (!op)
        return NULL;
    bool float_only = kind == VS_OP_SIGMOID || kind == VS_OP_TANH;
    if ((float_only && !vs__dtype_floating(x->dtype)) || x->dtype == VS_BOOL)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "Value passed to parameter 'x' has DataType %s not in "
                        "list of allowed values: %s",
                        vs_dtype_name(x->dtype),
                        float_only
                            ? "bfloat16, float16, float32, float64, "
                              "complex64, complex128"
                            : "bfloat16, float16, float32, float64, int32, "
                              "int64, int8, int16, uint8");
    return output(g, op, kind, x->dtype, &x->shape, 1, &x);
}

/* tf.reduce_mean(x): the reduction indices are a constant made in the
 * current name scope first (Const), then the Mean op. */
static vs_tensor *reduce_mean(vs_graph *g, vs_tensor *x, const char *name)
{
    const char *scope = g->name_scope;
    if (x->shape.rank >= 0) {
        const char *c = vs__unique_name(g, scope, "Const");
        if (!c || vs__add_node(g, c) < 0)
            return NULL;
    } else if (!vs__op_name(g, scope, "Rank") ||
               !vs__unique_name(g, scope, "range")) {
        return NULL;
    }
    const char *op = vs__op_name(g, scope, name ? name : "Mean");
    if (!op)
        return NULL;
    if (x->dtype == VS_BOOL)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "Value passed to parameter 'input' has DataType bool "
                        "not in list of allowed values");
    return output(g, op, VS_OP_MEAN, x->dtype, VS_SCALAR, 1, &x);
}

static vs_tensor *unary(vs_graph *g, const char *type, vs_opkind kind,
                        vs_tensor *x, const vs_op_opts *o, const char *file,
                        int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!o)
        o = &no_opts;
    vs__begin(g);
    vs_tensor *t = NULL;
    if (!x)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "%s: input is NULL", type);
    else if (kind == VS_OP_MEAN)
        t = reduce_mean(g, x, o->name);
    else
        t = unary_op(g, type, kind, x, o->name);
    return vs__end_call(g, t, file, line);
}

vs_tensor *vs_relu_at(vs_graph *g, vs_tensor *x, const vs_op_opts *opts,
                      const char *file, int line)
{
    return unary(g, "Relu", VS_OP_RELU, x, opts, file, line);
}

vs_tensor *vs_sigmoid_at(vs_graph *g, vs_tensor *x, const vs_op_opts *opts,
                         const char *file, int line)
{
    return unary(g, "Sigmoid", VS_OP_SIGMOID, x, opts, file, line);
}

vs_tensor *vs_tanh_at(vs_graph *g, vs_tensor *x, const vs_op_opts *opts,
                      const char *file, int line)
{
    return unary(g, "Tanh", VS_OP_TANH, x, opts, file, line);
}

vs_tensor *vs_square_at(vs_graph *g, vs_tensor *x, const vs_op_opts *opts,
                        const char *file, int line)
{
    return unary(g, "Square", VS_OP_SQUARE, x, opts, file, line);
}

vs_tensor *vs_reduce_mean_at(vs_graph *g, vs_tensor *x,
                             const vs_op_opts *opts, const char *file,
                             int line)
{
    return unary(g, "Mean", VS_OP_MEAN, x, opts, file, line);
}

/* The activation functions layers apply, in the current name scope. */
vs_tensor *vs__activate(vs_graph *g, vs_tensor *t, vs_activation a)
{
    switch (a) {
    case VS_ACT_RELU: return unary_op(g, "Relu", VS_OP_RELU, t, NULL);
    case VS_ACT_SIGMOID:
        return unary_op(g, "Sigmoid", VS_OP_SIGMOID, t, NULL);
    case VS_ACT_TANH: return unary_op(g, "Tanh", VS_OP_TANH, t, NULL);
    default: return t;
    }
}

/* Internal forms for the layers (no transaction of their own). */
vs_tensor *vs__matmul(vs_graph *g, vs_tensor *a, vs_tensor *b)
{
    return matmul(g, a, b, NULL);
}

vs_tensor *vs__bias_add(vs_graph *g, vs_tensor *v, vs_tensor *b)
{
    return bias_add(g, v, b, NULL);
}

vs_tensor *vs__binary(vs_graph *g, const char *type, vs_tensor *a,
                      vs_tensor *b)
{
    return elementwise(g, type, a, b, NULL);
}

vs_tensor *vs__unary(vs_graph *g, const char *type, vs_opkind kind,
                     vs_tensor *x)
{
    return unary_op(g, type, kind, x, NULL);
}
