/* tf.layers.dense (semantics.md §10).
 *
 * TF's call sequence, flattened into one atomic call:
 *   1. capture the layer's variable scope: variable_scope(name) by string
 *      when a name is given, else variable_scope(None, default_name=
 *      "dense"); its auxiliary name scope becomes the layer's name scope;
 *      then exit it (closing its sub-scopes);
 *   2. re-enter the captured scope by object without a name scope (twice
 *      nested in TF: __call__ and add_weight; the counter snapshots leave
 *      the scope's own count one higher than after step 1);
 *   3. get_variable("kernel", [in, units]) and ("bias", [units]) with the
 *      layer's dtype given explicitly; kernel takes the scope's initializer
 *      (else glorot-uniform), bias always zeros;
 *   4. ops MatMul (Tensordot above rank 2) and BiasAdd in the layer's
 *      name scope. */
#include <string.h>

#include "internal.h"

vs_tensor *vs_dense_at(vs_graph *g, vs_tensor *input, int units,
                       const vs_dense_opts *opts, const char *file, int line)
{
    static const vs_dense_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    if (!input) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_DENSE_INPUT_NULL);
        return vs__fail_call(g, file, line);
    }
    if (units <= 0) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 VS_MSG_DENSE_UNITS, (long long)units);
        return vs__fail_call(g, file, line);
    }
    vs_scope *parent = g->current;
    const char *base = opts->name ? opts->name : "dense";
    const char *u, *ns, *full, *scope_name;
    vs_scope *captured;

    /* 1. the captured scope and its name scope */
    if (!base[0]) {
        vs__fail(g, VS_ERR_INVALID_NAME,
                 VS_MSG_EMPTY_SCOPE_NAME);
        return vs__fail_call(g, file, line);
    }
    if (vs__check_scope_name(g, g->name_scope, base) < 0)
        return vs__fail_call(g, file, line);
    if (base[strlen(base) - 1] == '/')
        ns = vs__intern(g, base);    /* name_scope("a/"): re-entered exactly */
    else if (!(u = vs__unique_name(g, g->name_scope, base)) ||
             !(ns = vs__intern3(g, u, "/", "")))
        return vs__fail_call(g, file, line);
    if (!ns)
        return vs__fail_call(g, file, line);
    scope_name = opts->name ? opts->name : vs__unique_default(g, parent, base);
    if (!scope_name || !(full = vs__join_scope(g, parent->name, scope_name)) ||
        !(captured = vs__new_scope(g)))
        return vs__fail_call(g, file, line);
    intptr_t count = vs_smap_get(&g->scope_counts, full, 0);
    if (vs__map_set(g, &g->scope_counts, full, count + 1) < 0 ||
        vs__close_subscopes(g, full) < 0 ||
        /* 2. the object re-entry's count survives its snapshot */
        vs__map_set(g, &g->scope_counts, full, count + 2) < 0)
        return vs__fail_call(g, file, line);
    captured->name = full;
    captured->original_name_scope = ns;
    captured->reuse = parent->reuse;
    captured->dtype = parent->dtype;
    captured->initializer = parent->initializer;
    captured->file = file;
    captured->line = line;

    /* build(): input checks as Keras makes them */
    const vs_shape *in = &input->shape;
    char buf[256];
    if (in->rank >= 0 && in->rank < 2) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 VS_MSG_DENSE_NDIM,
                 full, in->rank, vs__shape_str(in, buf, sizeof buf));
        return vs__fail_call(g, file, line);
    }
    if (!vs__dtype_floating(input->dtype)) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 VS_MSG_DENSE_DTYPE, vs_dtype_name(input->dtype));
        return vs__fail_call(g, file, line);
    }
    if (in->rank < 0 || in->dims[in->rank - 1] < 0) {
        vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                 VS_MSG_DENSE_LAST_DIM);
        return vs__fail_call(g, file, line);
    }
    vs_dtype dt = vs__dtype_or_float(input->dtype);

    /* 3. the weights */
    vs_shape kshape = {2, {in->dims[in->rank - 1], units}};
    vs_shape bshape = {1, {units}};
    vs_getvar_req kernel = {"kernel", &kshape, dt, {VS_INIT_NONE, NULL, 0, 0}};
    vs_getvar_req bias = {"bias", &bshape, dt, vs_init_zeros()};
    if (!vs__get_variable(g, captured, &kernel, file, line) ||
        (!opts->no_bias && !vs__get_variable(g, captured, &bias, file, line)))
        return vs__fail_call(g, file, line);

    /* 4. the ops, under the layer's name scope */
    vs_shape out = *in;
    out.dims[out.rank - 1] = units;
    const char *op = vs__op_name(g, ns, in->rank > 2 ? "Tensordot" : "MatMul");
    if (op && !opts->no_bias)
        op = vs__op_name(g, ns, "BiasAdd");
    const char *tname = op ? vs__intern3(g, op, ":0", "") : NULL;
    vs_tensor *t = tname ? vs__new_tensor(g, tname, dt, &out) : NULL;
    if (!t)
        return vs__fail_call(g, file, line);
    vs__commit(g);
    return t;
}
