/* tf.layers.Dense and tf.layers.dense (python/layers/core.py over keras's
 * layers/core.py Dense; semantics.md §10).
 *
 *   build  kernel [in, units] (the scope's initializer, else glorot
 *          uniform), bias [units] (zeros); the last input dimension must
 *          be known; the layer's dtype (its first input's) floating;
 *   call   MatMul (Tensordot above rank 2), BiasAdd, the activation, in
 *          the layer's name scope.
 *
 * The functional form is Dense(..., name=name, _scope=name, _reuse=reuse)
 * applied once: with a name its variable scope is that name entered by
 * string (a second call needs reuse); without one the default name
 * "dense" is made unique per scope entry. */
#include <string.h>

#include "internal.h"

int vs__dense_build(vs_graph *g, vs_layer *l, const vs_tensor *x,
                    const vs_call *c)
{
    const vs_shape *in = &x->shape;
    if (!vs__dtype_floating(l->dtype)) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 VS_MSG_DENSE_DTYPE, vs_dtype_name(l->dtype));
        return -1;
    }
    int64_t last = in->dims[in->rank - 1];
    if (last < 0) {
        vs__fail(g, VS_ERR_UNDEFINED_SHAPE, VS_MSG_DENSE_LAST_DIM);
        return -1;
    }
    vs_shape kshape = {2, {last, l->units}};
    vs_shape bshape = {1, {l->units}};
    if (!vs__add_weight(g, l, l->kernel_name, &kshape, l->dtype,
                        l->kernel_init, true, c->file, c->line))
        return -1;
    if (!l->no_bias &&
        !vs__add_weight(g, l, l->bias_name, &bshape, l->dtype,
                        l->bias_init.kind != VS_INIT_NONE ? l->bias_init
                                                          : vs_init_zeros(),
                        true, c->file, c->line))
        return -1;
    /* input_spec = InputSpec(min_ndim=2, axes={-1: last_dim}) */
    if (VS__WRITE(g, l->built_axis, last) < 0)
        return -1;
    return 0;
}

vs_tensor *vs__dense_call(vs_graph *g, vs_layer *l, vs_tensor *x)
{
    vs_tensor *kernel = vs_value(l->weights[0]);
    vs_tensor *out;
    if (x->shape.rank > 2) {
        /* tensordot(inputs, kernel, [[rank - 1], [0]]), shape set */
        if (!vs__dtype_floating(x->dtype) || x->dtype != kernel->dtype) {
            vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                     "Tensor conversion requested dtype %s for Tensor with "
                     "dtype %s", vs_dtype_name(x->dtype),
                     vs_dtype_name(kernel->dtype));
            return NULL;
        }
        vs_shape s = x->shape;
        s.dims[s.rank - 1] = l->units;
        vs_tensor *in[2] = {x, kernel};
        out = vs__op_in(g, "Tensordot", VS_OP_MATMUL, x->dtype, &s, 2, in);
    } else {
        out = vs__matmul(g, x, kernel);
    }
    if (out && !l->no_bias)
        out = vs__bias_add(g, out, vs_value(l->weights[1]));
    return out ? vs__activate(g, out, l->activation) : NULL;
}

static vs_layer *dense_layer(vs_graph *g, int units, const vs_dense_opts *o)
{
    if (units <= 0)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        VS_MSG_DENSE_UNITS, (long long)units);
    if (vs__check_layer_args(g, o->name, o->reuse, o->activation) < 0)
        return NULL;
    if (!vs__init_valid(&o->kernel_initializer) ||
        !vs__init_valid(&o->bias_initializer))
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "initializer is not valid (a value initializer "
                        "needs a tensor)");
    vs_layer *l = vs__layer_new(g, VS_LAYER_DENSE, "dense", o->name, o->reuse,
                                o->not_trainable);
    if (!l)
        return NULL;
    l->units = units;
    l->no_bias = o->no_bias;
    l->activation = o->activation;
    l->kernel_init = o->kernel_initializer;
    l->bias_init = o->bias_initializer;
    return l;
}

vs_layer *vs_dense_layer_at(vs_graph *g, int units, const vs_dense_opts *opts,
                            const char *file, int line)
{
    static const vs_dense_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = dense_layer(g, units, opts);
    return vs__end_call(g, l, file, line);
}

vs_tensor *vs_dense_at(vs_graph *g, vs_tensor *input, int units,
                       const vs_dense_opts *opts, const char *file, int line)
{
    static const vs_dense_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = input ? dense_layer(g, units, opts)
                        : vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                                   VS_MSG_DENSE_INPUT_NULL);
    vs_tensor *out = vs__apply_new_layer(g, l, opts->name != NULL, input,
                                         false, file, line);
    return vs__end_call(g, out, file, line);
}
