/* tf.contrib.layers.fully_connected (contrib/layers/python/layers/
 * layers.py):
 *
 *   with variable_scope(scope, 'fully_connected', reuse=reuse,
 *                       custom_getter=<rename kernel->weights,
 *                                      bias->biases>) as sc:
 *       layer = Dense(num_outputs, kernel_initializer=xavier, name=sc.name,
 *                     _scope=sc, _reuse=reuse)
 *       outputs = activation_fn(layer.apply(inputs))     # relu
 *
 * So its variables are "<scope>/weights" and "<scope>/biases" (also in
 * MODEL_VARIABLES), reuse=True without a scope is TF's "reuse=True cannot
 * be used without a name_or_scope", the default scope "fully_connected"
 * is made unique per scope entry, and the scope's initializer is not used
 * (xavier is given explicitly). */
#include "internal.h"

vs_tensor *vs_fully_connected_at(vs_graph *g, vs_tensor *input,
                                 int num_outputs,
                                 const vs_fully_connected_opts *opts,
                                 const char *file, int line)
{
    static const vs_fully_connected_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_tensor *out = NULL;
    vs_scope *sc, *captured;
    vs_layer *l;
    vs_activation act = opts->activation == VS_ACT_DEFAULT ? VS_ACT_RELU
                                                          : opts->activation;
    if (!input) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "fully_connected: input is NULL");
    } else if (num_outputs <= 0) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "fully_connected: num_outputs must be a positive integer, "
                 "got %d", num_outputs);
    } else if (!vs__init_valid(&opts->weights_initializer) ||
               !vs__init_valid(&opts->biases_initializer)) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "initializer is not valid (a value initializer needs a "
                 "tensor)");
    } else if (vs__check_layer_args(g, NULL, opts->reuse, act) == 0 &&
               (sc = vs__enter(g,
                               &(vs_enter_req){.name = opts->scope,
                                               .default_name =
                                                   "fully_connected",
                                               .reuse = opts->reuse},
                               file, line)) &&
               (l = vs__layer_new(g, VS_LAYER_DENSE, "dense", sc->name,
                                  opts->reuse, opts->not_trainable)) &&
               /* Dense.__init__: `with vs.variable_scope(sc)`, by object */
               (captured = vs__reenter(g, sc, VS_REUSE_INHERIT, false, file,
                                       line)) &&
               vs__exit(g) == 0 && VS__WRITE(g, l->scope, captured) == 0) {
        l->units = num_outputs;
        l->no_bias = opts->no_biases;
        l->activation = VS_ACT_NONE;
        l->kernel_name = "weights";
        l->bias_name = "biases";
        l->collection = VS__MODEL_VARIABLES;
        l->kernel_init = opts->weights_initializer.kind != VS_INIT_NONE
                             ? opts->weights_initializer
                             : vs_init_glorot_uniform();
        l->bias_init = opts->biases_initializer;
        vs_call c = {.input = input, .file = file, .line = line};
        out = vs__layer_call(g, l, &c);
        if (out)
            out = vs__activate(g, out, act);
        if (out && vs__exit(g) < 0)
            out = NULL;
    }
    return vs__end_call(g, out, file, line);
}
