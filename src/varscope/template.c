/* tf.make_template (python/ops/template.py, Template).
 *
 *   make      name_ is required; with create_scope_now_ the scope is made
 *             now as _pure_variable_scope(unique default name) (no name
 *             scope); else on the first call;
 *   __call__  first call: variable_scope(unique_name_, default_name=name_)
 *             (so "scale", "scale_1" for two templates), captured;
 *             later calls: variable_scope(captured, reuse=True), by object
 *             (its name scope made unique again: "scale_1/").  A later
 *             call that creates a trainable variable fails (TF's "Trainable
 *             variable created when calling a template after the first
 *             time").
 *
 * In C the builder is a function pointer with a user argument.  Its calls
 * are ordinary library calls, each reporting its own errors; the template
 * call is one transaction around them.  When one of them fails (in TF its
 * exception would end the template call), or the builder returns NULL or
 * leaves a scope open, the template call returns NULL and everything the
 * builder did is undone. */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

vs_template *vs_make_template_at(vs_graph *g, const char *name,
                                 vs_template_fn fn, void *user,
                                 const vs_template_opts *opts,
                                 const char *file, int line)
{
    static const vs_template_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_template *t = NULL;
    if (!name)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "name cannot be None.");
    else if (!name[0] || (opts->unique_name && !opts->unique_name[0]))
        vs__fail(g, VS_ERR_INVALID_NAME, VS_MSG_EMPTY_SCOPE_NAME);
    else if (!fn)
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "make_template: func_ is NULL");
    else if ((t = vs__new_object(g, VS_LIST_TEMPLATES, sizeof *t))) {
        t->graph = g;
        t->fn = fn;
        t->user = user;
        t->first_call = true;
        t->name = vs__intern(g, name);
        if (opts->unique_name && !(t->unique_name = vs__intern(g, opts->unique_name)))
            t = NULL;
        if (t && !t->name)
            t = NULL;
    }
    if (t && opts->create_scope_now) {
        /* _pure_variable_scope(unique_name or unique default): a scope with
         * no name scope of its own, entered and left at once */
        vs_scope *cur = g->current, *s = vs__new_scope(g);
        const char *u = t->unique_name ? t->unique_name
                                       : vs__unique_default(g, cur, t->name);
        const char *full = u ? vs__join_scope(g, cur->name, u) : NULL;
        if (!s || !full ||
            vs__map_set(g, &g->scope_counts, full,
                        vs_smap_get(&g->scope_counts, full, 0) + 1) < 0 ||
            vs__close_subscopes(g, full) < 0) {
            t = NULL;
        } else {
            s->name = full;
            s->original_name_scope = u;
            s->reuse = cur->reuse;
            s->dtype = cur->dtype;
            s->initializer = cur->initializer;
            s->file = file;
            s->line = line;
            t->scope = s;
        }
    }
    return vs__end_call(g, t, file, line);
}

/* "[<tf.Variable 'x:0' shape=() dtype=float32_ref>]" */
static void created(const vs_graph *g, size_t from, char *buf, size_t n)
{
    size_t used = (size_t)snprintf(buf, n, "[");
    size_t len = vs__collection_len(g, VS_TRAINABLE_VARIABLES);
    for (size_t i = from; i < len && used < n; i++) {
        char r[512];
        vs_var_repr(vs__collection_at(g, VS_TRAINABLE_VARIABLES, i), r,
                    sizeof r);
        used += (size_t)snprintf(buf + used, n - used, "%s%s",
                                 i > from ? ", " : "", r);
    }
    if (used < n)
        snprintf(buf + used, n - used, "]");
}

vs_tensor *vs_template_call_at(vs_graph *g, vs_template *t, vs_tensor *input,
                               const char *file, int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (g->tdepth >= VS_MAX_NEST - 2) {
        vs__report(g, VS_ERR_INVALID_ARGUMENT,
                   "template calls nested too deeply", file, line);
        return NULL;
    }
    vs__begin(g);
    if (!t || t->graph != g) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT, "template call: %s",
                 !t ? "the template is NULL"
                    : "the template belongs to another graph");
        return vs__fail_call(g, file, line);
    }
    vs_scope *s;
    if (t->scope) {
        /* only reuse variables if not on the first call */
        s = vs__reenter(g, t->scope, t->first_call ? VS_REUSE_INHERIT : VS_REUSE,
                        false, file, line);
    } else {
        vs_enter_req req = {.name = t->unique_name, .default_name = t->name};
        s = vs__enter(g, &req, file, line);
        if (s && VS__WRITE(g, t->scope, s) < 0)
            s = NULL;
    }
    bool no = false, yes = true;
    bool later = t->variables_created;
    if (!s || (!later && VS__WRITE(g, t->first_call, no) < 0))
        return vs__fail_call(g, file, line);
    size_t trainable_at_start = vs__collection_len(g, VS_TRAINABLE_VARIABLES);
    unsigned long reported = g->reported;
    size_t depth = g->depth, floor = g->floor;
    g->floor = depth;          /* the builder may not exit our scope */
    vs_tensor *out = t->fn(g, input, t->user);
    g->floor = floor;
    if (g->depth != depth) {
        assert(g->depth > depth);
        vs__fail(g, VS_ERR_SCOPE_LEAK,
                 "template %s: the builder left %zu scope(s) open",
                 t->name, g->depth - depth);
        return vs__fail_call(g, file, line);
    }
    if (g->poisoned) {
        g->poisoned = false;
        vs__oom(g);
        return vs__fail_call(g, file, line);
    }
    /* A failing call of the builder would have raised in TF and ended the
     * template call: here too, whatever the builder returns.  That call
     * reported the error; the template call adds none. */
    if (g->reported != reported)
        return vs__abort_call(g);
    if (!out) {
        vs__fail(g, VS_ERR_INVALID_ARGUMENT,
                 "template %s: the builder returned NULL", t->name);
        return vs__fail_call(g, file, line);
    }
    if (later &&
        vs__collection_len(g, VS_TRAINABLE_VARIABLES) != trainable_at_start) {
        char list[1024];
        created(g, trainable_at_start, list, sizeof list);
        vs__fail(g, VS_ERR_DUPLICATE_VARIABLE,
                 "Trainable variable created when calling a template after "
                 "the first time, perhaps you used tf.Variable when you meant "
                 "tf.get_variable: %s", list);
        return vs__fail_call(g, file, line);
    }
    if ((!later && VS__WRITE(g, t->variables_created, yes) < 0) ||
        vs__exit(g) < 0)
        return vs__fail_call(g, file, line);
    vs__commit(g);
    return out;
}

vs_scope *vs_template_scope(const vs_template *t)
{
    return t ? t->scope : NULL;
}
