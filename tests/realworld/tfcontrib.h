/*
 * tfcontrib.h: tf.contrib.layers.batch_norm for the real-world programs,
 * written with the library's own scope and variable calls.
 *
 * varscope has tf.layers.batch_normalization and contrib's
 * fully_connected, not contrib's batch_norm, which the GAN programs of the
 * corpus call (DCGAN's batch_norm class, CAAE, the GAN tutorials).  Its
 * scoping is small and written down in TF 1.15's
 * contrib/layers/python/layers/layers.py, batch_norm and _fused_batch_norm:
 *
 *   with variable_scope(scope, 'BatchNorm', [inputs], reuse=reuse) as sc:
 *     rank 2, or updates_collections=None with rank 4 (fused=None means
 *       True, and these take _fused_batch_norm): model_variable beta [C]
 *       (center), gamma [C] (scale), then moving_mean, moving_variance
 *       (trainable=False)
 *     updates_collections=None with another rank (3, 5 ...): the legacy
 *       implementation after "Not supported by layer class", in the same
 *       order: beta, gamma, moving_mean, moving_variance
 *     otherwise (the core layer BatchNormalization(name=sc.name, _scope=sc,
 *       _reuse=reuse), which re-enters sc as it is): gamma (scale), beta
 *       (center), moving_mean, moving_variance
 *     (beta zeros, gamma ones, moving_mean zeros, moving_variance ones;
 *     dtype the input's; each model_variable also goes to MODEL_VARIABLES
 *     when it is created)
 *     outputs; activation_fn(outputs)
 *
 * so it is get_variable inside variable_scope(scope, default_name
 * 'BatchNorm', reuse=reuse), which is what this helper does, through the
 * *_at calls with the caller's file and line (an error points at the
 * batch_norm call, as TF's traceback ends at it in the user's code).
 * The output is made from library ops so that gradients reach beta and
 * gamma (training) as TF's do; its op names are not TF's.  An unknown rank
 * or channel dimension is refused as TF refuses it (undefined-shape here).
 */
#ifndef REALWORLD_TFCONTRIB_H
#define REALWORLD_TFCONTRIB_H

#include "varscope.h"

typedef struct tfc_batch_norm_opts {
    const char *scope;         /* NULL: "BatchNorm", made unique          */
    vs_reuse reuse;
    double decay;              /* 0: 0.999 (no effect on scoping)         */
    double epsilon;            /* 0: 0.001 (no effect on scoping)         */
    bool no_center;            /* center=False: no beta                   */
    bool scale;                /* scale=True: gamma (default False)       */
    bool not_training;         /* is_training=False (default True)        */
    vs_activation activation;  /* activation_fn (default None)            */
    bool no_updates_collections;  /* updates_collections=None             */
    VS__OPTS_END;
} tfc_batch_norm_opts;

/* model_variable(name, shape=params_shape, dtype, initializer, trainable) */
static inline vs_var *tfc_model_variable(vs_graph *g, const char *name,
                                         int64_t channels, vs_dtype dt,
                                         vs_init init, bool trainable,
                                         const char *file, int line)
{
    size_t before = vs_graph_variables(g, NULL, 0);
    vs_get_variable_opts o = {.shape = VS_SHAPE(channels), .dtype = dt,
                              .initializer = init,
                              .not_trainable = !trainable};
    vs_var *v = vs_get_variable_at(g, name, &o, file, line);
    if (v && vs_graph_variables(g, NULL, 0) > before)
        vs_add_to_collection_at(g, VS_MODEL_VARIABLES, v, file, line);
    return v;
}

static inline vs_tensor *tfc_batch_norm_at(vs_graph *g, vs_tensor *x,
                                           const tfc_batch_norm_opts *o,
                                           const char *file, int line)
{
    if (!x)
        return NULL;
    const vs_shape *s = vs_tensor_shape(x);
    int64_t c = s->rank > 0 ? s->dims[s->rank - 1] : -1;
    vs_dtype dt = vs_tensor_dtype(x);
    vs_scope_opts so = {.default_name = "BatchNorm", .reuse = o->reuse};
    if (!vs_variable_scope_enter_at(g, o->scope, &so, file, line))
        return NULL;
    vs_tensor *out = NULL;
    vs_var *beta = NULL, *gamma = NULL, *mean = NULL, *var = NULL;
    bool ok = true;
    if (c < 0) {
        /* 'Inputs %s has undefined rank' / '... undefined `C` dimension':
         * a get_variable of that shape fails the same way (undefined-shape) */
        vs_get_variable_opts u = {.shape = VS_SHAPE(c), .dtype = dt};
        vs_get_variable_at(g, "beta", &u, file, line);
        ok = false;
    } else if (s->rank == 2 || o->no_updates_collections) {
        /* _fused_batch_norm (rank 2, or 4 with custom updates) and the
         * legacy path (custom updates at another rank): beta, gamma */
        if (!o->no_center)
            ok = (beta = tfc_model_variable(g, "beta", c, dt, vs_init_zeros(),
                                            true, file, line)) != NULL;
        if (ok && o->scale)
            ok = (gamma = tfc_model_variable(g, "gamma", c, dt,
                                             vs_init_ones(), true, file,
                                             line)) != NULL;
    } else {                       /* BatchNormalization.build: gamma, beta */
        if (o->scale)
            ok = (gamma = tfc_model_variable(g, "gamma", c, dt,
                                             vs_init_ones(), true, file,
                                             line)) != NULL;
        if (ok && !o->no_center)
            ok = (beta = tfc_model_variable(g, "beta", c, dt, vs_init_zeros(),
                                            true, file, line)) != NULL;
    }
    if (ok)
        ok = (mean = tfc_model_variable(g, "moving_mean", c, dt,
                                        vs_init_zeros(), false, file,
                                        line)) != NULL &&
             (var = tfc_model_variable(g, "moving_variance", c, dt,
                                       vs_init_ones(), false, file,
                                       line)) != NULL;
    if (ok) {
        /* training: batch moments (no gradient to the moving averages);
         * inference: the moving averages */
        const vs_op_opts none = {0};
        out = x;
        if (o->not_training)
            out = vs_multiply_at(g, vs_subtract_at(g, out, vs_value(mean),
                                                   &none, file, line),
                                 vs_value(var), &none, file, line);
        if (gamma)
            out = vs_multiply_at(g, out, vs_value(gamma), &none, file, line);
        if (beta)
            out = vs_add_at(g, out, vs_value(beta), &none, file, line);
        switch (o->activation) {
        case VS_ACT_RELU:
            out = vs_relu_at(g, out, &none, file, line);
            break;
        case VS_ACT_SIGMOID:
            out = vs_sigmoid_at(g, out, &none, file, line);
            break;
        case VS_ACT_TANH:
            out = vs_tanh_at(g, out, &none, file, line);
            break;
        default:
            break;
        }
    }
    vs_scope_exit_at(g, file, line);
    return out;
}

/* tfc_batch_norm(g, inputs, .scope = ..., .reuse = ..., .scale = ...) */
#define tfc_batch_norm(g, ...)                                               \
    tfc_batch_norm_at((g), VS__REQ(__VA_ARGS__),                             \
                      VS__KW(tfc_batch_norm_opts, __VA_ARGS__), __FILE__,    \
                      __LINE__)

#endif
