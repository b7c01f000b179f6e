/* tf.name_scope and tf.variable_scope (semantics.md §3, §8, §9). */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "internal.h"

const char *vs__join_scope(vs_graph *g, const char *parent, const char *name)
{
    return parent[0] ? vs__intern3(g, parent, "/", name) : vs__intern(g, name);
}

/* _get_unique_variable_scope: only the scope counters are consulted. */
const char *vs__unique_default(vs_graph *g, const vs_scope *parent,
                               const char *prefix)
{
    char *base = vs__concat3(parent->name, parent->name[0] ? "/" : "",
                             prefix);
    if (!base)
        return vs__oom(g);
    if (vs_smap_get(&g->scope_counts, base, 0) == 0) {
        vs__free(base);
        return prefix;
    }
    size_t n = strlen(base) + 24;
    char *cand = vs__malloc(n);
    if (!cand) {
        vs__free(base);
        return vs__oom(g);
    }
    long idx = 1;
    for (;; idx++) {
        snprintf(cand, n, "%s_%ld", base, idx);
        if (vs_smap_get(&g->scope_counts, cand, 0) == 0)
            break;
    }
    vs__free(cand);
    vs__free(base);
    char suffix[24];
    snprintf(suffix, sizeof suffix, "_%ld", idx);
    return vs__intern3(g, prefix, suffix, "");
}

static int open_variable_scope(vs_graph *g, const char *name)
{
    intptr_t n = vs_smap_get(&g->scope_counts, name, 0);
    return vs__map_set(g, &g->scope_counts, name, n + 1);
}

int vs__close_subscopes(vs_graph *g, const char *name)
{
    size_t len = strlen(name);
    VS_SMAP_FOREACH(&g->scope_counts, i, n) {
        if (n->value != 0 && n->len > len && n->key[len] == '/' &&
            memcmp(n->key, name, len) == 0)
            if (vs__map_set(g, &g->scope_counts, n->key, 0) < 0)
                return -1;
    }
    return 0;
}

/* Pushes an entry (the stack has room: vs__stack_reserve was called). */
static vs_entry *push(vs_graph *g, vs_entry_kind kind, const char *file,
                      int line)
{
    if (vs__journal_push(g) < 0)
        return NULL;
    vs_entry *e = &g->stack[g->depth++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->saved_name_scope = g->name_scope;
    e->saved_scope = g->current;
    e->file = file;
    e->line = line;
    return e;
}

/* The auxiliary name scope of a variable scope entry (§8.3): the name
 * scope in effect inside it. */
static const char *aux_name_scope(vs_graph *g, const char *name,
                                  bool no_name_scope)
{
    if (no_name_scope)
        return g->name_scope;       /* re-entered exactly; nothing marked */
    if (!name[0])
        return g->name_scope;       /* empty name: no name scope opened */
    if (vs__check_scope_name(g, g->name_scope, name) < 0)
        return NULL;
    if (name[strlen(name) - 1] == '/')
        return vs__intern(g, name);  /* name_scope("a/"): re-entered exactly */
    const char *u = vs__unique_name(g, g->name_scope, name);
    return u ? vs__intern3(g, u, "/", "") : NULL;
}

const char *vs__name_scope(vs_graph *g, const char *name, const char *file,
                           int line)
{
    const char *ns;
    if (vs__stack_reserve(g) < 0)
        return NULL;
    if (!name || !name[0]) {
        ns = "";
    } else {
        if (vs__check_scope_name(g, g->name_scope, name) < 0)
            return NULL;
        if (name[strlen(name) - 1] == '/') {
            ns = vs__intern(g, name);
        } else {
            const char *u = vs__unique_name(g, g->name_scope, name);
            ns = u ? vs__intern3(g, u, "/", "") : NULL;
        }
        if (!ns)
            return NULL;
    }
    if (!push(g, VS_ENTRY_NAME_SCOPE, file, line))
        return NULL;
    g->name_scope = ns;
    return ns;
}

const char *vs_name_scope_enter_at(vs_graph *g, const char *name,
                                   const char *file, int line)
{
    VS_CHECK_GRAPH(g, file, line, NULL);
    vs__begin(g);
    const char *ns = vs__name_scope(g, name, file, line);
    if (!ns)   /* a const string: vs__end_call takes void * */
        return vs__fail_call(g, file, line);
    vs__commit(g);
    return ns;
}

static bool reuse_valid(vs_reuse r)
{
    return (unsigned)r <= (unsigned)VS_AUTO_REUSE;
}

static const char *check_props(vs_reuse reuse, vs_dtype dt,
                               const vs_init *init)
{
    if (!reuse_valid(reuse))
        return "The reuse parameter must be True or False or None.";
    if (!vs__dtype_valid(dt))
        return VS_MSG_DTYPE_INVALID;
    if (!vs__init_valid(init))
        return "initializer is not valid (a value initializer needs a "
               "tensor)";
    return NULL;
}

vs_scope *vs__enter(vs_graph *g, const vs_enter_req *req, const char *file,
                    int line)
{
    const char *name = req->name;
    const char *bad = check_props(req->reuse, req->dtype, &req->initializer);
    if (!name && !req->default_name)
        bad = "If default_name is None then name_or_scope is required";
    else if (!name && !req->default_name[0])
        bad = "default_name must not be empty";
    if (bad)
        return vs__fail(g, VS_ERR_INVALID_ARGUMENT, "%s", bad);
    if (!name && req->reuse != VS_REUSE_INHERIT)
        return vs__fail(g, VS_ERR_REUSE_WITHOUT_NAME,
                        VS_MSG_REUSE_WITHOUT_NAME,
                        req->reuse == VS_REUSE ? "VS_REUSE" : "VS_AUTO_REUSE",
                        req->default_name);
    vs_scope *parent = g->current;
    vs_scope *s;
    const char *ns, *full;
    if (vs__stack_reserve(g) < 0 ||
        !(ns = aux_name_scope(g, name ? name : req->default_name,
                              req->no_name_scope)))
        return NULL;
    if (name) {
        full = vs__join_scope(g, parent->name, name);
    } else {
        const char *u = vs__unique_default(g, parent, req->default_name);
        full = u ? vs__join_scope(g, parent->name, u) : NULL;
    }
    if (!full || !(s = vs__new_scope(g)) || open_variable_scope(g, full) < 0)
        return NULL;
    s->name = full;
    /* An empty name with an auxiliary name scope opens none, and TF then
     * records the name itself ("") as the original name scope. */
    s->original_name_scope =
        (name && !name[0] && !req->no_name_scope) ? "" : ns;
    s->reuse = req->reuse != VS_REUSE_INHERIT ? req->reuse : parent->reuse;
    s->dtype = req->dtype != VS_DTYPE_DEFAULT ? req->dtype : parent->dtype;
    s->initializer = req->initializer.kind != VS_INIT_NONE
                         ? req->initializer
                         : parent->initializer;
    s->file = file;
    s->line = line;
    vs_entry *e = push(g, VS_ENTRY_VAR_SCOPE, file, line);
    if (!e)
        return NULL;
    e->scope = s;
    g->name_scope = ns;
    g->current = s;
    return s;
}

vs_scope *vs_variable_scope_enter_at(vs_graph *g, const char *name,
                                     const vs_scope_opts *opts,
                                     const char *file, int line)
{
    static const vs_scope_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    vs_enter_req req = {name,         opts->default_name, opts->reuse,
                        opts->dtype,  opts->initializer,  opts->no_name_scope};
    vs_scope *s = vs__enter(g, &req, file, line);
    return vs__end_call(g, s, file, line);
}

static const char *last_component(const char *name)
{
    const char *slash = strrchr(name, '/');
    return slash ? slash + 1 : name;
}

/* The object entry with the properties of o and reuse r (or o's). */
static vs_scope *reenter(vs_graph *g, vs_scope *o, vs_reuse reuse,
                         vs_dtype dtype, vs_init init, bool no_name_scope,
                         const char *file, int line)
{
    vs_scope *s;
    const char *ns;
    vs_smap snapshot;
    if (vs__stack_reserve(g) < 0 ||
        !(ns = aux_name_scope(g, last_component(o->name), no_name_scope)) ||
        !(s = vs__new_scope(g)) || open_variable_scope(g, o->name) < 0)
        return NULL;
    /* the counters as they are now; a closed sub-scope's 0 is the same as
     * its absence, and leaving it out keeps snapshots small */
    if (vs_smap_copy_nonzero(&snapshot, &g->scope_counts) < 0)
        return vs__oom(g);
    vs_entry *e = push(g, VS_ENTRY_VAR_REENTER, file, line);
    if (!e) {
        vs_smap_clear(&snapshot);
        return NULL;
    }
    s->name = o->name;
    s->original_name_scope = o->original_name_scope;
    s->reuse = reuse != VS_REUSE_INHERIT ? reuse : o->reuse;
    s->dtype = dtype != VS_DTYPE_DEFAULT ? dtype : o->dtype;
    s->initializer = init.kind != VS_INIT_NONE ? init : o->initializer;
    s->file = file;
    s->line = line;
    e->scope = s;
    e->snapshot = snapshot;
    g->name_scope = ns;
    g->current = s;
    return s;
}

vs_scope *vs__reenter(vs_graph *g, vs_scope *o, vs_reuse reuse,
                      bool no_name_scope, const char *file, int line)
{
    static const vs_init none;
    return reenter(g, o, reuse, VS_DTYPE_DEFAULT, none, no_name_scope, file,
                   line);
}

vs_scope *vs_variable_scope_reenter_at(vs_graph *g, vs_scope *o,
                                       const vs_reenter_opts *opts,
                                       const char *file, int line)
{
    static const vs_reenter_opts none;
    VS_CHECK_GRAPH(g, file, line, NULL);
    if (!opts)
        opts = &none;
    vs__begin(g);
    const char *bad = check_props(opts->reuse, opts->dtype, &opts->initializer);
    if (!o)
        bad = "scope is NULL";
    else if (o->graph != g)
        bad = "scope belongs to another graph";
    vs_scope *s = bad ? vs__fail(g, VS_ERR_INVALID_ARGUMENT, "%s", bad)
                      : reenter(g, o, opts->reuse, opts->dtype,
                                opts->initializer, opts->no_name_scope, file,
                                line);
    return vs__end_call(g, s, file, line);
}

int vs__exit(vs_graph *g)
{
    if (g->depth == 0) {
        vs__fail(g, VS_ERR_SCOPE_UNDERFLOW, VS_MSG_SCOPE_UNDERFLOW);
        return -1;
    }
    if (g->depth <= g->floor) {
        vs__fail(g, VS_ERR_SCOPE_UNDERFLOW,
                 "vs_scope_exit: a template's builder may exit only the "
                 "scopes it entered");
        return -1;
    }
    vs_entry *e = &g->stack[g->depth - 1];
    /* close_variable_subscopes(name) for a string or default-name entry;
     * an object entry's exit restores its snapshot instead (in pop) */
    if (e->kind == VS_ENTRY_VAR_SCOPE &&
        vs__close_subscopes(g, e->scope->name) < 0)
        return -1;
    return vs__journal_pop(g);
}

void vs_scope_exit_at(vs_graph *g, const char *file, int line)
{
    VS_CHECK_GRAPH(g, file, line, );
    vs__begin(g);
    if (vs__exit(g) < 0) {
        vs__fail_call(g, file, line);
        return;
    }
    vs__commit(g);
}

void vs_reuse_variables(vs_scope *s)
{
    if (!s)
        return;
    vs_graph *g = s->graph;
    vs_reuse r = VS_REUSE;
    /* inside a template's builder the enclosing call may still be undone */
    if (g->tdepth > 0) {
        if (VS__WRITE(g, s->reuse, r) < 0)
            g->poisoned = true;   /* the template call fails: no-memory */
        return;
    }
    s->reuse = r;
}

vs_scope *vs_get_variable_scope(vs_graph *g) { return g ? g->current : NULL; }
const char *vs_scope_name(const vs_scope *s) { return s ? s->name : NULL; }
const char *vs_scope_original_name_scope(const vs_scope *s)
{
    return s ? s->original_name_scope : NULL;
}
vs_reuse vs_scope_reuse(const vs_scope *s)
{
    return s ? s->reuse : VS_REUSE_INHERIT;
}
const char *vs_current_name_scope(const vs_graph *g)
{
    return g ? g->name_scope : NULL;
}
