/* tf.layers.Conv2D, MaxPooling2D, Flatten, Dropout and their functional
 * forms (python/layers/convolutional.py, pooling.py, core.py over keras's
 * layers/convolutional.py, pooling.py, core.py).  channels_last only.
 *
 *   Conv2D         input_spec ndim=4; build: the channel dimension must be
 *                  known; kernel [kh, kw, in, filters] (the scope's
 *                  initializer, else glorot uniform over the receptive
 *                  field), bias [filters]; call: Conv2D, BiasAdd,
 *                  activation; output size ceil(in / stride) for 'same',
 *                  ceil((in - (k - 1) * dilation) / stride) for 'valid'
 *                  (TF fails on a negative size);
 *   MaxPooling2D   input_spec ndim=4; MaxPool;
 *   Flatten        input_spec min_ndim=1; Reshape to (batch, product);
 *   Dropout        training: dropout/mul_1 under the name scope "dropout";
 *                  else Identity.
 * None of the last three has variables, but each is a layer: it takes a
 * default name ("max_pooling2d", "flatten", "dropout") made unique like
 * any layer's variable scope, and a name scope. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static int dim_or(int v) { return v > 0 ? v : 1; }

/* conv_utils.conv_output_length; -2: TF's negative dimension */
static int64_t out_len(int64_t in, int k, int stride, int dilation,
                       vs_padding padding)
{
    return vs__conv_out_len(in, k, stride, dilation, padding == VS_SAME);
}

/* The output shape of Conv2D / MaxPool, or a failure as TF's shape
 * function reports it (the op name is the one the op would get). */
static int window_shape(vs_graph *g, const vs_tensor *x, const vs_shape *ks,
                        const char *type, const vs_layer *l, vs_shape *out)
{
    *out = x->shape;
    for (int i = 0; i < 2; i++) {
        int k = l->ksize[i];
        int64_t n = out_len(x->shape.dims[1 + i], k, l->strides[i],
                            l->kind == VS_LAYER_CONV2D ? l->dilation[i] : 1,
                            l->padding);
        if (n == -2) {
            char a[128], b[128];
            int64_t eff = (int64_t)(k - 1) *
                              (l->kind == VS_LAYER_CONV2D ? l->dilation[i] : 1) +
                          1;
            vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                     "Negative dimension size caused by subtracting %lld from "
                     "%lld for '%s%s' (op: '%s') with input shapes: %s%s%s.",
                     (long long)eff, (long long)x->shape.dims[1 + i],
                     g->name_scope, type, type,
                     vs__shape_dims(&x->shape, a, sizeof a), ks ? ", " : "",
                     ks ? vs__shape_dims(ks, b, sizeof b) : "");
            return -1;
        }
        out->dims[1 + i] = n;
    }
    return 0;
}

/* ---- Conv2D ---- */

int vs__conv_build(vs_graph *g, vs_layer *l, const vs_tensor *x,
                   const vs_call *c)
{
    int64_t in = x->shape.dims[3];
    if (in < 0) {
        vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                 "The channel dimension of the inputs should be defined. "
                 "Found `None`.");
        return -1;
    }
    vs_shape kshape = {4, {l->ksize[0], l->ksize[1], in, l->units}};
    vs_shape bshape = {1, {l->units}};
    if (!vs__add_weight(g, l, "kernel", &kshape, l->dtype, l->kernel_init,
                        true, c->file, c->line))
        return -1;
    if (!l->no_bias &&
        !vs__add_weight(g, l, "bias", &bshape, l->dtype,
                        l->bias_init.kind != VS_INIT_NONE ? l->bias_init
                                                          : vs_init_zeros(),
                        true, c->file, c->line))
        return -1;
    /* input_spec = InputSpec(ndim=4, axes={-1: input_dim}) */
    return VS__WRITE(g, l->built_axis, in);
}

vs_tensor *vs__conv_call(vs_graph *g, vs_layer *l, vs_tensor *x)
{
    vs_tensor *kernel = vs_value(l->weights[0]);
    vs_shape out;
    if (!vs__dtype_floating(x->dtype)) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "Value passed to parameter 'input' has DataType %s not in "
                 "list of allowed values: float16, bfloat16, float32, float64",
                 vs_dtype_name(x->dtype));
        return NULL;
    }
    if (window_shape(g, x, &kernel->shape, "Conv2D", l, &out) < 0)
        return NULL;
    out.dims[3] = l->units;
    vs_tensor *in[2] = {x, kernel};
    vs_tensor *t = vs__op_in(g, "Conv2D", VS_OP_CONV2D, x->dtype, &out, 2, in);
    if (!t)
        return NULL;
    memcpy(t->strides, l->strides, sizeof t->strides);
    t->padding = l->padding;
    if (l->dilation[0] > 1 || l->dilation[1] > 1)
        t->op = VS_OP_OPAQUE;        /* atrous: not computed */
    if (!l->no_bias)
        t = vs__bias_add(g, t, vs_value(l->weights[1]));
    return t ? vs__activate(g, t, l->activation) : NULL;
}

static vs_layer *conv_layer(vs_graph *g, int filters, int kh, int kw,
                            const vs_conv2d_opts *o)
{
    if (filters <= 0 || kh <= 0 || kw <= 0 || o->strides[0] < 0 ||
        o->strides[1] < 0 || o->dilation_rate[0] < 0 ||
        o->dilation_rate[1] < 0)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "conv2d: filters, kernel size, strides and dilation "
                        "rate must be positive (filters %d, kernel %dx%d)",
                        filters, kh, kw);
    if ((unsigned)o->padding > (unsigned)VS_SAME)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "padding is not a vs_padding value");
    if ((dim_or(o->strides[0]) > 1 || dim_or(o->strides[1]) > 1) &&
        (dim_or(o->dilation_rate[0]) > 1 || dim_or(o->dilation_rate[1]) > 1))
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "strides > 1 not supported in conjunction with "
                        "dilation_rate > 1");
    if (vs__check_layer_args(g, o->name, o->reuse, o->activation) < 0)
        return NULL;
    if (!vs__init_valid(&o->kernel_initializer) ||
        !vs__init_valid(&o->bias_initializer))
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "initializer is not valid (a value initializer "
                        "needs a tensor)");
    vs_layer *l = vs__layer_new(g, VS_LAYER_CONV2D, "conv2d", o->name,
                                o->reuse, o->not_trainable);
    if (!l)
        return NULL;
    l->units = filters;
    l->ksize[0] = kh;
    l->ksize[1] = kw;
    for (int i = 0; i < 2; i++) {
        l->strides[i] = dim_or(o->strides[i]);
        l->dilation[i] = dim_or(o->dilation_rate[i]);
    }
    l->padding = o->padding;
    l->activation = o->activation;
    l->no_bias = o->no_bias;
    l->kernel_init = o->kernel_initializer;
    l->bias_init = o->bias_initializer;
    return l;
}

vs_layer *vs_conv2d_layer_at(vs_graph *g, int filters, int kernel_h,
                             int kernel_w, const vs_conv2d_opts *opts,
                             const char *file, int line)
{
    static const vs_conv2d_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = conv_layer(g, filters, kernel_h, kernel_w, opts);
    return vs__end_call(g, l, file, line);
}

vs_tensor *vs_conv2d_at(vs_graph *g, vs_tensor *input, int filters,
                        int kernel_h, int kernel_w, const vs_conv2d_opts *opts,
                        const char *file, int line)
{
    static const vs_conv2d_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = input ? conv_layer(g, filters, kernel_h, kernel_w, opts)
                        : vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                                   "conv2d: input is NULL");
    vs_tensor *out = vs__apply_new_layer(g, l, opts->name != NULL, input,
                                         false, file, line);
    return vs__end_call(g, out, file, line);
}

/* ---- MaxPooling2D ---- */

vs_tensor *vs__pool_call(vs_graph *g, vs_layer *l, vs_tensor *x)
{
    vs_shape out;
    if (window_shape(g, x, NULL, "MaxPool", l, &out) < 0)
        return NULL;
    vs_tensor *t = vs__op_in(g, "MaxPool", VS_OP_MAXPOOL, x->dtype, &out, 1, &x);
    if (t) {
        memcpy(t->strides, l->strides, sizeof t->strides);
        memcpy(t->ksize, l->ksize, sizeof t->ksize);
        t->padding = l->padding;
    }
    return t;
}

static vs_layer *pool_layer(vs_graph *g, int ph, int pw, const vs_pool_opts *o)
{
    if (ph <= 0 || pw <= 0 || o->strides[0] < 0 || o->strides[1] < 0)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "max_pooling2d: pool size and strides must be "
                        "positive (pool %dx%d)", ph, pw);
    if ((unsigned)o->padding > (unsigned)VS_SAME)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "padding is not a vs_padding value");
    if (vs__check_layer_args(g, o->name, VS_REUSE_INHERIT, VS_ACT_DEFAULT) < 0)
        return NULL;
    vs_layer *l = vs__layer_new(g, VS_LAYER_MAX_POOLING2D, "max_pooling2d",
                                o->name, VS_REUSE_INHERIT, false);
    if (!l)
        return NULL;
    l->ksize[0] = ph;
    l->ksize[1] = pw;
    l->strides[0] = o->strides[0] > 0 ? o->strides[0] : ph;
    l->strides[1] = o->strides[1] > 0 ? o->strides[1] : pw;
    l->padding = o->padding;
    return l;
}

vs_layer *vs_max_pooling2d_layer_at(vs_graph *g, int pool_h, int pool_w,
                                    const vs_pool_opts *opts,
                                    const char *file, int line)
{
    static const vs_pool_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = pool_layer(g, pool_h, pool_w, opts);
    return vs__end_call(g, l, file, line);
}

vs_tensor *vs_max_pooling2d_at(vs_graph *g, vs_tensor *input, int pool_h,
                               int pool_w, const vs_pool_opts *opts,
                               const char *file, int line)
{
    static const vs_pool_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = input ? pool_layer(g, pool_h, pool_w, opts)
                        : vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                                   "max_pooling2d: input is NULL");
    /* Layer(name=name) applied once: no _scope, the name is a default
     * name, made unique (likewise flatten and dropout) */
    vs_tensor *out = vs__apply_new_layer(g, l, false, input, false, file,
                                         line);
    return vs__end_call(g, out, file, line);
}

/* ---- Flatten ---- */

vs_tensor *vs__flatten_call(vs_graph *g, vs_layer *l, vs_tensor *x)
{
    (void)l;
    vs_shape out = {2, {x->shape.dims[0], 1}};
    bool known = true;
    for (int i = 1; i < x->shape.rank; i++) {
        if (x->shape.dims[i] < 0)
            known = false;
        else
            out.dims[1] *= x->shape.dims[i];
    }
    if (!known) {
        out.dims[1] = -1;
        /* the batch size read at run time: Shape, strided_slice */
        if (!vs__op(g, "Shape", VS_INT32, VS_SHAPE(x->shape.rank)) ||
            !vs__op(g, "strided_slice", VS_INT32, VS_SCALAR))
            return NULL;
    }
    return vs__op_in(g, "Reshape", VS_OP_RESHAPE, x->dtype, &out, 1, &x);
}

static vs_layer *simple_layer(vs_graph *g, vs_layer_kind kind,
                              const char *base, const vs_layer_opts *o)
{
    if (vs__check_layer_args(g, o->name, VS_REUSE_INHERIT, VS_ACT_DEFAULT) < 0)
        return NULL;
    return vs__layer_new(g, kind, base, o->name, VS_REUSE_INHERIT, false);
}

vs_layer *vs_flatten_layer_at(vs_graph *g, const vs_layer_opts *opts,
                              const char *file, int line)
{
    static const vs_layer_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = simple_layer(g, VS_LAYER_FLATTEN, "flatten", opts);
    return vs__end_call(g, l, file, line);
}

vs_tensor *vs_flatten_at(vs_graph *g, vs_tensor *input,
                         const vs_layer_opts *opts, const char *file, int line)
{
    static const vs_layer_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = input ? simple_layer(g, VS_LAYER_FLATTEN, "flatten", opts)
                        : vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                                   "flatten: input is NULL");
    vs_tensor *out = vs__apply_new_layer(g, l, false, input, false, file,
                                         line);
    return vs__end_call(g, out, file, line);
}

/* ---- Dropout ---- */

/* keras Dropout.call: smart_cond(training, nn.dropout, identity).  TF's
 * nn.dropout (dropout_v2) in the name scope "dropout": x * scale * mask,
 * the last multiplication named mul_1; rate 0 returns x itself. */
vs_tensor *vs__dropout_call(vs_graph *g, vs_layer *l, vs_tensor *x,
                            bool training)
{
    if (!training)
        return vs__op_in(g, "Identity", VS_OP_IDENTITY, x->dtype, &x->shape,
                         1, &x);
    if (!vs__dtype_floating(x->dtype))
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "x has to be a floating point tensor since it's going "
                        "to be scaled. Got a %s tensor instead.",
                        vs_dtype_name(x->dtype));
    if (!(l->rate >= 0 && l->rate < 1))
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "rate must be a scalar tensor or a float in the range "
                        "[0, 1), got %g", l->rate);
    const char *ns = vs__name_scope(g, "dropout", __FILE__, __LINE__);
    if (!ns)
        return NULL;
    vs_tensor *out = x;
    if (l->rate > 0) {
        static const char *const ops[] = {"rate", "Shape", "random_uniform",
                                          "sub", "truediv", "GreaterEqual",
                                          "mul", "Cast"};
        for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
            if (!vs__op_name(g, ns, ops[i]))
                return NULL;
        out = vs__op_in(g, "mul", VS_OP_OPAQUE, x->dtype, &x->shape, 1, &x);
    }
    return out && vs__exit(g) == 0 ? out : NULL;
}

static vs_layer *dropout_layer(vs_graph *g, double rate,
                               const vs_layer_opts *o)
{
    vs_layer *l = simple_layer(g, VS_LAYER_DROPOUT, "dropout", o);
    if (l)
        l->rate = rate;
    return l;
}

vs_layer *vs_dropout_layer_at(vs_graph *g, double rate,
                              const vs_layer_opts *opts, const char *file,
                              int line)
{
    static const vs_layer_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = dropout_layer(g, rate, opts);
    return vs__end_call(g, l, file, line);
}

vs_tensor *vs_dropout_at(vs_graph *g, vs_tensor *input, double rate,
                         const vs_layer_opts *opts, const char *file, int line)
{
    static const vs_layer_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = input ? dropout_layer(g, rate, opts)
                        : vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                                   "dropout: input is NULL");
    vs_tensor *out = vs__apply_new_layer(g, l, false, input, opts->training,
                                         file, line);
    return vs__end_call(g, out, file, line);
}
