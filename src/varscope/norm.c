/* tf.layers.BatchNormalization and tf.layers.batch_normalization
 * (python/layers/normalization.py over keras's layers/normalization.py).
 *
 *   build  the rank must be known and the axis (default -1) valid and
 *          known; gamma (ones, unless scale=False), beta (zeros, unless
 *          center=False), then moving_mean (zeros) and moving_variance
 *          (ones), both non-trainable; shape [channels]; the input spec
 *          becomes ndim=rank, axes={axis: channels};
 *   call   4-D input over axis 1 or 3: the fused kernel, output
 *          "FusedBatchNormV3:0"; else nn.batch_normalization, output
 *          "batchnorm/add_1:0".  training=True adds the moving averages'
 *          update ops. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

int vs__bn_build(vs_graph *g, vs_layer *l, const vs_tensor *x,
                 const vs_call *c)
{
    const vs_shape *s = &x->shape;
    char shape[256];
    if (s->rank <= 0) {   /* `if not input_shape.ndims` */
        vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                 "('Input has undefined rank:', TensorShape(%s))",
                 vs__shape_list(s, shape, sizeof shape));
        return -1;
    }
    int axis = l->axis == 0 ? -1 : l->axis;
    int resolved = axis < 0 ? s->rank + axis : axis;
    if (resolved < 0 || resolved >= s->rank) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "Invalid axis: %d", resolved);
        return -1;
    }
    int64_t channels = s->dims[resolved];
    if (channels < 0) {
        vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                 "('Input has undefined `axis` dimension. Input shape: ', "
                 "TensorShape(%s))", vs__shape_list(s, shape, sizeof shape));
        return -1;
    }
    if (!vs__dtype_floating(l->dtype)) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "Value passed to parameter 'x' has DataType %s not in list "
                 "of allowed values: float16, bfloat16, float32, float64",
                 vs_dtype_name(l->dtype));
        return -1;
    }
    /* parameters of fp16 batch norm are float32 */
    vs_dtype pdt = l->dtype == VS_FLOAT16 ? VS_FLOAT32 : l->dtype;
    vs_shape p = {1, {channels}};
    if ((!l->no_scale && !vs__add_weight(g, l, "gamma", &p, pdt,
                                         vs_init_ones(), true, c->file,
                                         c->line)) ||
        (!l->no_center && !vs__add_weight(g, l, "beta", &p, pdt,
                                          vs_init_zeros(), true, c->file,
                                          c->line)) ||
        !vs__add_weight(g, l, "moving_mean", &p, pdt, vs_init_zeros(), false,
                        c->file, c->line) ||
        !vs__add_weight(g, l, "moving_variance", &p, pdt, vs_init_ones(),
                        false, c->file, c->line))
        return -1;
    int rank = s->rank;
    if (VS__WRITE(g, l->built_rank, rank) < 0 ||
        VS__WRITE(g, l->spec_axis, resolved) < 0 ||
        VS__WRITE(g, l->built_axis, channels) < 0)
        return -1;
    return 0;
}

/* The weights in build order: [gamma] [beta] moving_mean moving_variance */
static vs_var *weight(const vs_layer *l, const char *which)
{
    int i = 0;
    if (!l->no_scale && strcmp(which, "gamma") == 0)
        return l->weights[0];
    if (!l->no_scale)
        i++;
    if (!l->no_center && strcmp(which, "beta") == 0)
        return l->weights[i];
    if (!l->no_center)
        i++;
    return strcmp(which, "moving_mean") == 0 ? l->weights[i] : l->weights[i + 1];
}

vs_tensor *vs__bn_call(vs_graph *g, vs_layer *l, vs_tensor *x, bool training)
{
    int axis = l->spec_axis;
    bool fused = x->shape.rank == 4 && (axis == 1 || axis == 3);
    const char *ns = g->name_scope;
    vs_tensor *in[5] = {x, NULL, NULL, vs_value(weight(l, "moving_mean")),
                        vs_value(weight(l, "moving_variance"))};
    in[1] = l->no_scale ? NULL : vs_value(weight(l, "gamma"));
    in[2] = l->no_center ? NULL : vs_value(weight(l, "beta"));
    vs_tensor *out;
    if (fused) {
        /* training: the batch statistics come from empty constants */
        if (training && (!vs__op_name(g, ns, "Const") ||
                         !vs__op_name(g, ns, "Const")))
            return NULL;
        out = vs__op_in(g, "FusedBatchNormV3",
                        training ? VS_OP_OPAQUE : VS_OP_BATCH_NORM, x->dtype,
                        &x->shape, 5, in);
    } else {
        if (training) {   /* nn.moments */
            const char *m = vs__name_scope(g, "moments", __FILE__, __LINE__);
            if (!m || !vs__op_name(g, m, "mean") ||
                !vs__op_name(g, m, "variance") || vs__exit(g) < 0)
                return NULL;
        }
        const char *b = vs__name_scope(g, "batchnorm", __FILE__, __LINE__);
        if (!b)
            return NULL;
        static const char *const ops[] = {"add", "Rsqrt", "mul", "mul",
                                          "mul", "sub"};
        for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
            if (!vs__op_name(g, b, ops[i]))
                return NULL;
        out = vs__op_in(g, "add", training ? VS_OP_OPAQUE : VS_OP_BATCH_NORM,
                        x->dtype, &x->shape, 5, in);
        if (!out || vs__exit(g) < 0)
            return NULL;
    }
    if (!out)
        return NULL;
    out->eps = l->epsilon;
    out->axis = axis;
    if (training) {   /* the moving averages' updates (UPDATE_OPS) */
        if (!vs__op_name(g, ns, "AssignMovingAvg") ||
            !vs__op_name(g, ns, "AssignMovingAvg"))
            return NULL;
    }
    return out;
}

static vs_layer *bn_layer(vs_graph *g, const vs_batch_norm_opts *o)
{
    if (o->epsilon < 0 || o->momentum < 0)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        "batch_normalization: epsilon and momentum must not "
                        "be negative");
    if (vs__check_layer_args(g, o->name, o->reuse, VS_ACT_DEFAULT) < 0)
        return NULL;
    vs_layer *l = vs__layer_new(g, VS_LAYER_BATCH_NORM, "batch_normalization",
                                o->name, o->reuse, o->not_trainable);
    if (!l)
        return NULL;
    l->axis = o->axis;
    l->epsilon = o->epsilon > 0 ? o->epsilon : 1e-3;
    l->momentum = o->momentum > 0 ? o->momentum : 0.99;
    l->no_center = o->no_center;
    l->no_scale = o->no_scale;
    return l;
}

vs_layer *vs_batch_norm_layer_at(vs_graph *g, const vs_batch_norm_opts *opts,
                                 const char *file, int line)
{
    static const vs_batch_norm_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = bn_layer(g, opts);
    return vs__end_call(g, l, file, line);
}

vs_tensor *vs_batch_normalization_at(vs_graph *g, vs_tensor *input,
                                     const vs_batch_norm_opts *opts,
                                     const char *file, int line)
{
    static const vs_batch_norm_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_layer *l = input ? bn_layer(g, opts)
                        : vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                                   "batch_normalization: input is NULL");
    vs_tensor *out = vs__apply_new_layer(g, l, opts->name != NULL, input,
                                         opts->training, file, line);
    return vs__end_call(g, out, file, line);
}
