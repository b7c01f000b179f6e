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

#endif
