/* tf.get_variable and tf.Variable (semantics.md §6, §7). */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "internal.h"

#define tensor_repr vs__tensor_repr

/* The ops a RefVariable creates under its own name scope, after the
 * variable op: "<v>/Initializer" (callable initializers only), then
 * "<v>/Assign" and "<v>/read".  Returns the read tensor. */
static vs_tensor *variable_ops(vs_graph *g, const char *op, bool callable,
                               vs_dtype dt, const vs_shape *shape)
{
    const char *prefix = vs__intern3(g, op, "/", "");
    if (!prefix)
        return NULL;
    if (callable && !vs__unique_name(g, prefix, "Initializer"))
        return NULL;
    const char *assign = vs__unique_name(g, prefix, "Assign");
    if (!assign || vs__add_node(g, assign) < 0)
        return NULL;
    const char *read = vs__unique_name(g, prefix, "read");
    if (!read || vs__add_node(g, read) < 0)
        return NULL;
    const char *tname = vs__intern3(g, read, ":0", "");
    return tname ? vs__new_tensor(g, tname, dt, shape) : NULL;
}

/* A variable: its ops, its initial value (for the session: the
 * initializer, its seeds as random_seed.get_seed gives them when the
 * initializer op is made), and the collections it joins: every variable
 * is global; trainable ones are also in TRAINABLE_VARIABLES. */
static vs_var *new_var(vs_graph *g, const char *op, const vs_init *init,
                       vs_dtype dt, const vs_shape *shape, bool trainable,
                       const char *file, int line)
{
    vs_var *v = vs__new_object(g, VS_LIST_VARS, sizeof *v);
    if (!v)
        return NULL;
    v->dtype = dt;
    v->shape = *shape;
    v->file = file;
    v->line = line;
    v->trainable = trainable;
    v->init = *init;
    vs__get_seed(g, init, &v->seed1, &v->seed2, &v->seeded);
    v->name = vs__intern3(g, op, ":0", "");
    if (!v->name ||
        !(v->read = variable_ops(g, op, init->kind != VS_INIT_VALUE, dt,
                                 shape)))
        return NULL;
    v->read->op = VS_OP_READ;
    v->read->var = v;
    if (trainable && vs__collect(g, VS_TRAINABLE_VARIABLES, v) < 0)
        return NULL;
    return v;
}

static const char *check_request(const vs_getvar_req *req)
{
    if (!req->name)
        return "name is NULL";
    if (req->shape && vs__shape_problem(req->shape))
        return vs__shape_problem(req->shape);
    if (!vs__dtype_valid(req->dtype))
        return VS_MSG_DTYPE_INVALID;
    if (!vs__init_valid(&req->initializer))
        return "initializer is not valid (a value initializer needs a "
               "tensor)";
    return NULL;
}

/* VariableScope.get_variable + _VariableStore._get_single_variable, with
 * the checks in TF's order (semantics.md §7.2). */
vs_var *vs__get_variable(vs_graph *g, const vs_scope *scope,
                         const vs_getvar_req *req, const char *file, int line)
{
    const char *bad = check_request(req);
    if (bad)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT, "%s", bad);
    /* An empty name is fine inside a named scope (the slot creator's
     * get_variable("") under "w/Adam": key "w/Adam/", variable "w/Adam:0").
     * At the root the key is "" and the checks run in TF's order: reuse
     * finds nothing (missing-variable), and creating it fails on the op
     * name (invalid-name). */
    const vs_tensor *value =
        req->initializer.kind == VS_INIT_VALUE ? req->initializer.value : NULL;
    if (req->dtype != VS_DTYPE_DEFAULT && value &&
        vs__dtype_or_float(value->dtype) != req->dtype)
        return vs__fail(g, VS_ERR_INITIALIZER_MISMATCH,
                        VS_MSG_INITIALIZER_DTYPE,
                        vs_dtype_name(value->dtype),
                        vs_dtype_name(req->dtype));
    vs_init init = req->initializer.kind != VS_INIT_NONE ? req->initializer
                                                         : scope->initializer;
    bool dtype_given =
        req->dtype != VS_DTYPE_DEFAULT || scope->dtype != VS_DTYPE_DEFAULT;
    vs_dtype dtype = vs__dtype_or_float(
        req->dtype != VS_DTYPE_DEFAULT ? req->dtype : scope->dtype);

    vs_var *result = NULL;
    char *full = vs__concat3(scope->name, scope->name[0] ? "/" : "",
                             req->name);
    char *part0 = full ? vs__concat3(full, "/part_0", "") : NULL;
    if (!part0) {
        vs__oom(g);
        goto out;
    }
    if (vs_smap_find(&g->store, part0, strlen(part0))) {
        vs__fail(g, VS_ERR_DUPLICATE_VARIABLE,
                 VS_MSG_PARTITIONED, part0);
        goto out;
    }
    bool from_value = init.kind == VS_INIT_VALUE;
    if (req->shape && from_value) {
        vs__fail(g, VS_ERR_INITIALIZER_MISMATCH,
                 VS_MSG_CONSTANT_AND_SHAPE);
        goto out;
    }
    vs_smap_node *found = vs_smap_find(&g->store, full, strlen(full));
    if (found) {
        vs_var *v = (vs_var *)found->value;
        char a[256], b[256];
        if (scope->reuse == VS_REUSE_INHERIT)
            vs__fail(g, VS_ERR_DUPLICATE_VARIABLE,
                     VS_MSG_VARIABLE_EXISTS " Originally defined at: %s:%d",
                     full, v->file ? v->file : "?", v->line);
        else if (req->shape && !vs__shape_compatible(req->shape, &v->shape))
            vs__fail(g, VS_ERR_SHAPE_MISMATCH,
                     VS_MSG_SHARE_SHAPE,
                     full, vs__shape_str(req->shape, a, sizeof a),
                     vs__shape_str(&v->shape, b, sizeof b));
        else if (dtype != v->dtype)
            vs__fail(g,
                     dtype_given ? VS_ERR_DTYPE_MISMATCH
                                 : VS_ERR_MISSING_DTYPE,
                     VS_MSG_SHARE_DTYPE,
                     full, vs_dtype_name(dtype), vs_dtype_name(v->dtype),
                     dtype_given ? ""
                                 : VS_MSG_NO_DTYPE_GIVEN);
        else
            result = v;
        goto out;
    }
    if (scope->reuse == VS_REUSE) {
        vs__fail(g, VS_ERR_MISSING_VARIABLE,
                 VS_MSG_VARIABLE_MISSING, full);
        goto out;
    }
    if (!from_value && !(req->shape && vs__shape_fully_defined(req->shape))) {
        vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                 VS_MSG_INITIALIZER_INVALID, full);
        goto out;
    }
    /* Created like tf.Variable(name=full) under the root name scope. */
    const char *op = vs__op_name(g, "", full);
    if (!op)
        goto out;
    if (from_value && !vs__shape_fully_defined(&init.value->shape)) {
        char t[512];
        vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                 VS_MSG_INITIAL_VALUE_SHAPE,
                 tensor_repr(init.value, t, sizeof t));
        goto out;
    }
    if (init.kind == VS_INIT_NONE)   /* TF's default for the dtype */
        init = vs__dtype_floating(dtype) ? vs_init_glorot_uniform()
                                         : vs_init_zeros();
    vs_var *v = new_var(g, op, &init,
                        from_value ? vs__dtype_or_float(init.value->dtype)
                                   : dtype,
                        from_value ? &init.value->shape : req->shape,
                        !req->not_trainable, file, line);
    if (v && req->collection && vs__collect(g, req->collection, v) < 0)
        v = NULL;
    if (v && vs__map_set(g, &g->store, full, (intptr_t)v) == 0)
        result = v;
out:
    vs__free(part0);
    vs__free(full);
    return result;
}

vs_var *vs_get_variable_at(vs_graph *g, const char *name,
                           const vs_get_variable_opts *opts, const char *file,
                           int line)
{
    static const vs_get_variable_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_getvar_req req = {name, opts->shape, opts->dtype, opts->initializer,
                         opts->not_trainable, NULL};
    vs_var *v = vs__get_variable(g, g->current, &req, file, line);
    return vs__end_call(g, v, file, line);
}

vs_var *vs__variable(vs_graph *g, vs_tensor *value, const char *name,
                     vs_dtype dtype, bool trainable, const char *file,
                     int line)
{
    char t[512];
    const char *op;
    if (!value)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                        VS_MSG_INITIAL_VALUE_MISSING);
    if (!vs__dtype_valid(dtype))
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT, VS_MSG_DTYPE_INVALID);
    if (!(op = vs__op_name(g, g->name_scope, name ? name : "Variable")))
        return NULL;
    if (dtype != VS_DTYPE_DEFAULT &&
        dtype != vs__dtype_or_float(value->dtype))
        return vs__fail(g, VS_ERR_INITIALIZER_MISMATCH,
                        VS_MSG_TENSOR_CONVERSION,
                        vs_dtype_name(dtype), vs_dtype_name(value->dtype),
                        tensor_repr(value, t, sizeof t));
    if (!vs__shape_fully_defined(&value->shape))
        return vs__fail(g, VS_ERR_UNDEFINED_SHAPE,
                        VS_MSG_INITIAL_VALUE_SHAPE,
                        tensor_repr(value, t, sizeof t));
    vs_init init = vs_init_value(value);
    return new_var(g, op, &init, vs__dtype_or_float(value->dtype),
                   &value->shape, trainable, file, line);
}

vs_var *vs_variable_at(vs_graph *g, vs_tensor *value,
                       const vs_variable_opts *opts, const char *file,
                       int line)
{
    static const vs_variable_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_var *v = vs__variable(g, value, opts->name, opts->dtype,
                             !opts->not_trainable, file, line);
    return vs__end_call(g, v, file, line);
}
