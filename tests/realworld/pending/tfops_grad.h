/*
 * tfops_grad.h: the stand-ins of ../tfops.h for the pending programs,
 * built on the PROVISIONAL vs_opaque_op (provisional.h) so that the
 * gradient path survives them: an optimizer's minimize() must reach the
 * variables behind a tf.nn.conv2d or a tf.reshape to give them slots, and
 * the slot it fails on is the first variable of the trainable list that has
 * a gradient, as in TF.
 *
 * Same shapes as ../tfops.h (TF's shape functions); NULL in, NULL out.
 */
#ifndef REALWORLD_TFOPS_GRAD_H
#define REALWORLD_TFOPS_GRAD_H

#include "provisional.h"

/* an op whose output is shaped like x (Relu, Tanh, Maximum, Identity ...) */
static inline vs_tensor *tfg_like(vs_graph *g, const char *op, vs_tensor *x)
{
    if (!x)
        return NULL;
    vs_tensor *in[1] = {x};
    return vs_opaque_op(g, op, in, 1, vs_tensor_dtype(x), vs_tensor_shape(x));
}

/* tf.reshape(x, shape) */
static inline vs_tensor *tfg_reshape(vs_graph *g, vs_tensor *x,
                                     const vs_shape *shape)
{
    if (!x)
        return NULL;
    vs_tensor *in[1] = {x};
    return vs_opaque_op(g, "Reshape", in, 1, vs_tensor_dtype(x), shape);
}

static inline int64_t tfg_ceil_div(int64_t a, int64_t b)
{
    return a < 0 ? -1 : (a + b - 1) / b;
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
        out.dims[d] = same ? tfg_ceil_div(in->dims[d], s)
                           : in->dims[d] < 0 ? -1
                           : tfg_ceil_div(in->dims[d] - k->dims[d - 1] + 1, s);
    vs_tensor *ins[2] = {x, vs_value(w)};
    return vs_opaque_op(g, "Conv2D", ins, 2, vs_tensor_dtype(x), &out);
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
        out.dims[d] = same ? tfg_ceil_div(in->dims[d], s)
                           : in->dims[d] < 0 ? -1
                           : tfg_ceil_div(in->dims[d] - k + 1, s);
    vs_tensor *ins[1] = {x};
    return vs_opaque_op(g, op, ins, 1, vs_tensor_dtype(x), &out);
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
    return vs_opaque_op(g, "concat", xs, (size_t)n, vs_tensor_dtype(xs[0]),
                        &out);
}

/* a scalar loss of one or two tensors (tf.reduce_mean(
 * tf.nn.sigmoid_cross_entropy_with_logits(logits=a, labels=...)) etc.);
 * b may be NULL (labels that are constants) */
static inline vs_tensor *tfg_loss(vs_graph *g, const char *op, vs_tensor *a,
                                  vs_tensor *b)
{
    if (!a)
        return NULL;
    vs_tensor *ins[2] = {a, b};
    return vs_opaque_op(g, op, ins, b ? 2 : 1, vs_tensor_dtype(a),
                        VS_SCALAR);
}

/* tf.one_hot(indices, depth): indices.shape + [depth], float32 */
static inline vs_tensor *tfg_one_hot(vs_graph *g, vs_tensor *ids,
                                     int64_t depth)
{
    if (!ids)
        return NULL;
    vs_shape out = *vs_tensor_shape(ids);
    out.dims[out.rank++] = depth;
    vs_tensor *ins[1] = {ids};
    return vs_opaque_op(g, "one_hot", ins, 1, VS_FLOAT32, &out);
}

#endif
