/* The scope-leak checker.
 *
 * At vs_graph_free (and when main returns, for the graphs still alive)
 * every scope still open is a leak, as the runtime reports it.  At a
 * function's end, a return that leaves more scopes open than there were
 * at entry, where other paths of the function (of any invocation) return
 * balanced, is a candidate: it is reported when the analysis ends, if the
 * run reports that scope open when its graph is freed too (the same
 * finding, now with the return that leaks it and a fix), or if its graph
 * is never freed (no run would say anything: the path is the only
 * evidence).  If the graph is freed and the scope is not reported, a later
 * vs_scope_exit closed it in place of another (the run then reports that
 * other scope, and so does the engine). */
#include <stdlib.h>

#include "checkers.h"
#include "varscope.h"

typedef struct ret_info {
    uint32_t offset;              /* a return statement (or the end) */
    bool balanced, leaking;       /* seen on some invocation */
} ret_info;

/* a return that leaves a scope open */
typedef struct leak_candidate {
    uint32_t graph;
    uint32_t entry;               /* the scope entry left open (its uid) */
    sc_site enter;                /* ... where it was entered */
    sc_scope_kind kind;
    const char *scope_name;
    sc_site ret;                  /* the return */
    /* only leaking paths reach the return, and the scope was entered in
     * the function itself: a vs_scope_exit just before it is the fix */
    bool fix_before_return;
} leak_candidate;

typedef struct fn_leaks {
    bool any_balanced;            /* some path returns balanced */
    SC_VEC(leak_candidate) candidates;
    SC_VEC(ret_info) rets;
} fn_leaks;

struct sc_checkers {
    sc_engine *e;
    const sc_program *prog;
    fn_leaks *fns;                /* by sc_fn.index */
    pmap graphs_freed;            /* graph id -> 1: freed on some path */
    /* entry uid -> 1: open when freed.  An entry of a join of paths that
     * entered different ones has uid 0: all of those are one key */
    pmap leaked_at_free;
    const sc_site *end_of_main;   /* set while main's end is checked */
    pmap graphs_freed_by_call;    /* graph id -> 1: vs_graph_free on some path */
};

sc_checkers *checkers_new(sc_engine *e, const sc_program *p)
{
    sc_checkers *c = calloc(1, sizeof *c);
    if (!c || !(c->fns = calloc(p->nfns + 1, sizeof *c->fns)))
        abort();
    c->e = e;
    c->prog = p;
    return c;
}

void checkers_free(sc_checkers *c)
{
    for (size_t i = 0; i < c->prog->nfns; i++) {
        SC_VEC_FREE(c->fns[i].candidates);
        SC_VEC_FREE(c->fns[i].rets);
    }
    free(c->fns);
    free(c);
}

static const void *key_of(uint32_t id) { return (const void *)(uintptr_t)id; }

static bool has(pmap m, uint32_t id)
{
    return pm_get(m, key_of(id), pm_hash_int(id)) != NULL;
}

static void mark(sc_checkers *c, pmap *m, uint32_t id)
{
    *m = pm_set(&c->e->arena, *m, key_of(id), pm_hash_int(id), (const void *)1);
}

static sc_scope_kind kind_of(const sc_entry *en)
{
    return en->kind == SC_ENTRY_NAME_SCOPE ? SC_SCOPE_NAME : SC_SCOPE_VARIABLE;
}

/* the name of the scope entry en opened: its name scope, or the
 * variable scope's name */
static const char *name_of(const sc_graph *g, const sc_entry *en)
{
    if (en->kind == SC_ENTRY_NAME_SCOPE)
        return en->ns;
    const sc_scope *s = graph_scope(g, en->scope);
    return s ? s->name : NULL;
}

/* Every scope open in g is reported where it was entered. */
static void report_open_scopes(sc_checkers *c, const sc_state *st,
                               const sc_graph *g, const sc_site *at,
                               const char *func)
{
    /* freed on some path, sure or not: a path leak of this graph is then
     * reported only where the run reports the scope open */
    mark(c, &c->graphs_freed, g->id);
    if (at != c->end_of_main)
        mark(c, &c->graphs_freed_by_call, g->id);
    for (const sc_entry *en = g->stack; en; en = en->below) {
        sc_event ev = {0};
        if (en->kind == SC_ENTRY_UNKNOWN) {
            /* what is open is unknown, after code that opened scopes
             * a number of times the engine did not follow (a loop): they
             * may be open still */
            if (c->e->strict) {
                /* at the enter call the bottom keeps, else (paths of
                 * different depths joined: no one call) where the graph
                 * is freed */
                ev.kind = SC_EV_MAYBE_ERROR;
                ev.code = VS_ERR_SCOPE_LEAK;
                sc_event_sites where = {.at = en->site.unit ? en->site : *at,
                                        .other = *at};
                sc_emit(c->e, &ev, &where);
            }
            break;
        }
        if (st->tainted) {
            /* a path that may not exist: "could fail", in strict mode */
            if (!c->e->strict)
                continue;
            ev.kind = SC_EV_MAYBE_ERROR;
            ev.code = VS_ERR_SCOPE_LEAK;
            sc_event_sites where = {.at = en->site, .other = *at};
            sc_emit(c->e, &ev, &where);
            continue;
        }
        mark(c, &c->leaked_at_free, en->uid);
        ev.kind = SC_EV_LEAK;
        /* main returns with the graph alive: the library reports leaks
         * at vs_graph_free, which never runs */
        ev.no_run_fails = ev.at_program_end = at == c->end_of_main;
        ev.code = VS_ERR_SCOPE_LEAK;
        ev.func = func;
        ev.scope_kind = kind_of(en);
        ev.scope_name = name_of(g, en);
        sc_event_sites where = {.at = en->site, .other = *at};
        sc_emit(c->e, &ev, &where);
    }
}

void checkers_graph_free(sc_checkers *c, const sc_state *st,
                         const sc_graph *g, const sc_site *at)
{
    report_open_scopes(c, st, g, at, NULL);
}

void checkers_end_program(sc_checkers *c, const sc_state *st,
                          const sc_site *end)
{
    c->end_of_main = end;
    for (uint32_t i = 0; i < st->ngraphs; i++)
        if (!st->graphs[i]->freed)
            report_open_scopes(c, st, st->graphs[i], end, "main");
    c->end_of_main = NULL;
}

static ret_info *ret_of(fn_leaks *fl, uint32_t offset)
{
    for (size_t i = 0; i < fl->rets.len; i++)
        if (fl->rets.items[i].offset == offset)
            return &fl->rets.items[i];
    ret_info r = {offset, false, false};
    SC_PUSH(fl->rets, r);
    return &fl->rets.items[fl->rets.len - 1];
}

/* Records, for each graph open at entry, which returns of this invocation
 * leave more scopes open than at entry. */
void checkers_end_function(sc_checkers *c, const sc_fn_exit *x)
{
    fn_leaks *fl = &c->fns[x->fn->index];
    for (uint32_t g = 0; g < x->nentry; g++) {
        uint32_t id = x->entry[g].id;
        int d0 = x->entry[g].depth;
        for (size_t i = 0; i < x->nreturns; i++) {
            const sc_graph *gr = state_graph(x->returns[i], id);
            if (!gr || x->returns[i]->tainted ||
                (gr->stack && gr->stack->kind == SC_ENTRY_UNKNOWN &&
                 gr->depth == 0))
                continue;
            ret_info *ri = ret_of(fl, x->retlocs[i].offset);
            if (gr->depth == d0) {
                fl->any_balanced = true;
                ri->balanced = true;
                continue;
            }
            if (gr->depth < d0)
                continue;
            ri->leaking = true;
            int extra = gr->depth - d0;
            const sc_entry *en = gr->stack;
            for (int k = 0; k < extra && en && en->kind != SC_ENTRY_UNKNOWN;
                 k++, en = en->below) {
                leak_candidate lc = {0};
                lc.graph = id;
                lc.entry = en->uid;
                lc.enter = en->site;
                lc.kind = kind_of(en);
                lc.scope_name = name_of(gr, en);
                lc.ret = (sc_site){x->retlocs[i], x->fn->unit, x->chain, NULL};
                /* the fix (an exit before this return) needs the scope
                 * to be entered in this function itself */
                lc.fix_before_return = en->site.chain == x->chain &&
                                       en->site.unit == x->fn->unit &&
                                       extra == 1;
                SC_PUSH(fl->candidates, lc);
            }
        }
    }
}

void checkers_end_analysis(sc_checkers *c)
{
    for (size_t i = 0; i < c->prog->nfns; i++) {
        fn_leaks *fl = &c->fns[i];
        if (!fl->any_balanced)
            continue;
        for (size_t k = 0; k < fl->candidates.len; k++) {
            const leak_candidate *lc = &fl->candidates.items[k];
            if (has(c->graphs_freed, lc->graph) &&
                !has(c->leaked_at_free, lc->entry))
                continue;
            /* a return reached balanced on some path must not get an
             * exit inserted before it */
            ret_info *ri = ret_of(fl, lc->ret.loc.offset);
            sc_event ev = {0};
            ev.kind = SC_EV_LEAK;
            ev.code = VS_ERR_SCOPE_LEAK;
            ev.func = c->prog->fns[i].fn->name;
            ev.scope_kind = lc->kind;
            ev.scope_name = lc->scope_name;
            ev.fix_before_other = lc->fix_before_return && !ri->balanced;
            /* a graph no path frees: the library, which reports leaks at
             * vs_graph_free, never does */
            ev.no_run_fails = !has(c->graphs_freed_by_call, lc->graph);
            sc_event_sites where = {.at = lc->enter, .other = lc->ret};
            sc_emit(c->e, &ev, &where);
        }
    }
}
