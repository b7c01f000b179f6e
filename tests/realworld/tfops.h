/*
 * tfops.h: stand-ins for the TF ops the real-world programs call that
 * create no variable (tf.nn.conv2d, tf.nn.relu, tf.reshape, tf.concat,
 * tf.nn.embedding_lookup, tf.random_uniform ...).
 *
 * varscope has no such ops.  They matter to scoping only through what they
 * give later calls: an output tensor with TF's shape and dtype (a later
 * get_variable takes its width from it, a later dense layer its kernel's
 * input size) and an op name in the current name scope.  Each stand-in is
 * therefore a placeholder named like TF's op ("Conv2D", "Relu", "Reshape"),
 * with the output shape TF's shape function computes (cited beside each).
 * None of them can fail on the programs' inputs; none of them touches a
 * variable scope or the variable store.  Where Python raised, the C
 * program goes on with NULL: a stand-in given NULL returns NULL and does
 * nothing, as Python would not have reached it.
 */
#ifndef REALWORLD_TFOPS_H
#define REALWORLD_TFOPS_H

#include "varscope.h"

/* an op whose output has shape and dtype like x (Relu, Tanh, Sigmoid,
 * Maximum, Dropout's output, BiasAdd, Identity ...) */
static inline vs_tensor *tf_like(vs_graph *g, const char *op, vs_tensor *x)
{
    if (!x)
        return NULL;
    return vs_placeholder(g, vs_tensor_dtype(x), vs_tensor_shape(x),
                          .name = op);
}

/* an op with a given output shape (tf.reshape, tf.random_uniform,
 * tf.truncated_normal, tf.zeros ...) */
static inline vs_tensor *tf_shaped(vs_graph *g, const char *op, vs_dtype dt,
                                   const vs_shape *shape)
{
    return vs_placeholder(g, dt, shape, .name = op);
}

/* ceil(a / b) for a known a; an unknown dim stays unknown */
static inline int64_t tf_ceil_div(int64_t a, int64_t b)
{
    return a < 0 ? -1 : (a + b - 1) / b;
}

/* tf.nn.conv2d(x, w, strides=[1, s, s, 1], padding): NHWC; TF's
 * Conv2DShape: SAME -> ceil(in / s), VALID -> ceil((in - k + 1) / s);
 * channels from the filter's last dim */
static inline vs_tensor *tf_conv2d(vs_graph *g, vs_tensor *x, vs_var *w,
                                   int s, int same)
{
    if (!x || !w)
        return NULL;
    const vs_shape *in = vs_tensor_shape(x), *k = vs_var_shape(w);
    vs_shape out = {4, {in->dims[0], 0, 0, k->dims[3]}};
    for (int d = 1; d <= 2; d++)
        out.dims[d] = same ? tf_ceil_div(in->dims[d], s)
                           : in->dims[d] < 0 ? -1
                           : tf_ceil_div(in->dims[d] - k->dims[d - 1] + 1, s);
    return vs_placeholder(g, vs_tensor_dtype(x), &out, .name = "Conv2D");
}

/* tf.nn.max_pool / avg_pool(x, ksize=[1, k, k, 1], strides=[1, s, s, 1]) */
static inline vs_tensor *tf_pool(vs_graph *g, const char *op, vs_tensor *x,
                                 int k, int s, int same)
{
    if (!x)
        return NULL;
    const vs_shape *in = vs_tensor_shape(x);
    vs_shape out = *in;
    for (int d = 1; d <= 2; d++)
        out.dims[d] = same ? tf_ceil_div(in->dims[d], s)
                           : in->dims[d] < 0 ? -1
                           : tf_ceil_div(in->dims[d] - k + 1, s);
    return vs_placeholder(g, vs_tensor_dtype(x), &out, .name = op);
}

/* tf.concat(values, axis): the axis dims add up (unknown if one is) */
static inline vs_tensor *tf_concat(vs_graph *g, vs_tensor *const *xs, int n,
                                   int axis)
{
    for (int i = 0; i < n; i++)
        if (!xs[i])
            return NULL;
    vs_shape out = *vs_tensor_shape(xs[0]);
    for (int i = 1; i < n; i++) {
        int64_t d = vs_tensor_shape(xs[i])->dims[axis];
        out.dims[axis] = out.dims[axis] < 0 || d < 0 ? -1 : out.dims[axis] + d;
    }
    return vs_placeholder(g, vs_tensor_dtype(xs[0]), &out, .name = "concat");
}

/* tf.nn.embedding_lookup(params, ids): ids.shape + params.shape[1:] */
static inline vs_tensor *tf_embedding_lookup(vs_graph *g, vs_var *params,
                                             vs_tensor *ids)
{
    if (!params || !ids)
        return NULL;
    const vs_shape *p = vs_var_shape(params), *i = vs_tensor_shape(ids);
    vs_shape out = *i;
    for (int d = 1; d < p->rank; d++)
        out.dims[out.rank++] = p->dims[d];
    return vs_placeholder(g, vs_var_dtype(params), &out,
                          .name = "embedding_lookup");
}

/* ------------------------------------------------------------------------ */
/* The same stand-ins for programs that call an optimizer's minimize().
 *
 * A placeholder has no inputs, so it cuts the gradient path: minimize()
 * would not reach the variables behind a tf.nn.conv2d or a tf.reshape,
 * would give them no slots, and a program that failed on d_w1/Adam in TF
 * would fail on a later variable or not at all.  These keep the path with
 * library ops only: the op's output is a placeholder of TF's shape (named
 * like TF's op) plus, for each floating input, tf.reduce_mean of that
 * input (a scalar, broadcast), so that the output depends on the inputs
 * as TF's op does (a non-floating output, or input, has no gradient in
 * TF either: it gets no link).  The extra ops (Const, Mean, add) are named in the
 * current name scope; no stand-in enters a scope or makes a variable.
 * None of them can fail on the programs' inputs. */

static inline bool tfg_float(vs_dtype dt)
{
    return dt == VS_DTYPE_DEFAULT || dt == VS_FLOAT32 || dt == VS_FLOAT64 ||
           dt == VS_FLOAT16;
}

/* an op the library lacks, differentiable in its inputs: `type` with the
 * given output dtype and shape (tf.nn.conv2d_transpose, tf.image.resize,
 * tf.nn.sigmoid_cross_entropy_with_logits, tf.tile ...) */
static inline vs_tensor *tf_op(vs_graph *g, const char *type,
                               vs_tensor *const *inputs, int ninputs,
                               vs_dtype dt, const vs_shape *shape)
{
    for (int i = 0; i < ninputs; i++)
        if (!inputs[i])
            return NULL;
    vs_tensor *out = vs_placeholder(g, dt, shape, .name = type);
    for (int i = 0; i < ninputs && out && tfg_float(dt); i++)
        if (tfg_float(vs_tensor_dtype(inputs[i])) &&
            vs_tensor_dtype(inputs[i]) == vs_tensor_dtype(out))
            out = vs_add(g, out, vs_reduce_mean(g, inputs[i]));
    return out;
}

/* an op whose output is shaped like x (Maximum for lrelu, Identity ...;
 * the library has relu, sigmoid and tanh itself) */
static inline vs_tensor *tfg_like(vs_graph *g, const char *op, vs_tensor *x)
{
    if (!x)
        return NULL;
    return tf_op(g, op, &x, 1, vs_tensor_dtype(x), vs_tensor_shape(x));
}

/* tf.reshape(x, shape) */
static inline vs_tensor *tfg_reshape(vs_graph *g, vs_tensor *x,
                                     const vs_shape *shape)
{
    if (!x)
        return NULL;
    return tf_op(g, "Reshape", &x, 1, vs_tensor_dtype(x), shape);
}

/* tf.nn.conv2d(x, w, strides=[1, s, s, 1], padding): Conv2DShape */
static inline vs_tensor *tfg_conv2d(vs_graph *g, vs_tensor *x, vs_var *w,
                                    int s, int same)
{
    if (!x || !w)
        return NULL;
    const vs_shape *in = vs_tensor_shape(x), *k = vs_var_shape(w);
    vs_shape out = {4, {in->dims[0], 0, 0, k->dims[3]}};
    for (int d = 1; d <= 2; d++)
        out.dims[d] = same ? tf_ceil_div(in->dims[d], s)
                           : in->dims[d] < 0 ? -1
                           : tf_ceil_div(in->dims[d] - k->dims[d - 1] + 1, s);
    vs_tensor *ins[2] = {x, vs_value(w)};
    return tf_op(g, "Conv2D", ins, 2, vs_tensor_dtype(x), &out);
}

/* tf.nn.max_pool / avg_pool(x, ksize=[1, k, k, 1], strides=[1, s, s, 1]) */
static inline vs_tensor *tfg_pool(vs_graph *g, const char *op, vs_tensor *x,
                                  int k, int s, int same)
{
    if (!x)
        return NULL;
    const vs_shape *in = vs_tensor_shape(x);
    vs_shape out = *in;
    for (int d = 1; d <= 2; d++)
        out.dims[d] = same ? tf_ceil_div(in->dims[d], s)
                           : in->dims[d] < 0 ? -1
                           : tf_ceil_div(in->dims[d] - k + 1, s);
    return tf_op(g, op, &x, 1, vs_tensor_dtype(x), &out);
}

/* tf.concat(values, axis) */
static inline vs_tensor *tfg_concat(vs_graph *g, vs_tensor *const *xs,
                                    int n, int axis)
{
    for (int i = 0; i < n; i++)
        if (!xs[i])
            return NULL;
    vs_shape out = *vs_tensor_shape(xs[0]);
    for (int i = 1; i < n; i++) {
        int64_t d = vs_tensor_shape(xs[i])->dims[axis];
        out.dims[axis] = out.dims[axis] < 0 || d < 0 ? -1 : out.dims[axis] + d;
    }
    return tf_op(g, "concat", xs, n, vs_tensor_dtype(xs[0]), &out);
}

/* a scalar loss of one or two tensors (tf.reduce_mean(
 * tf.nn.sigmoid_cross_entropy_with_logits(logits=a, labels=b)) etc.);
 * b may be NULL (labels that are constants) */
static inline vs_tensor *tfg_loss(vs_graph *g, const char *op, vs_tensor *a,
                                  vs_tensor *b)
{
    if (!a)
        return NULL;
    vs_tensor *ins[2] = {a, b};
    return tf_op(g, op, ins, b ? 2 : 1, vs_tensor_dtype(a), VS_SCALAR);
}

/* tf.one_hot(indices, depth): indices.shape + [depth], float32 */
static inline vs_tensor *tfg_one_hot(vs_graph *g, vs_tensor *ids,
                                     int64_t depth)
{
    if (!ids)
        return NULL;
    vs_shape out = *vs_tensor_shape(ids);
    out.dims[out.rank++] = depth;
    return tf_op(g, "one_hot", &ids, 1, VS_FLOAT32, &out);
}

/* tf.nn.embedding_lookup(params, ids): ids.shape + params.shape[1:],
 * differentiable in params */
static inline vs_tensor *tfg_embedding_lookup(vs_graph *g, vs_var *params,
                                              vs_tensor *ids)
{
    if (!params || !ids)
        return NULL;
    const vs_shape *p = vs_var_shape(params), *i = vs_tensor_shape(ids);
    vs_shape out = *i;
    for (int d = 1; d < p->rank; d++)
        out.dims[out.rank++] = p->dims[d];
    vs_tensor *ins[2] = {vs_value(params), ids};
    return tf_op(g, "embedding_lookup", ins, 2, vs_var_dtype(params), &out);
}

#endif
