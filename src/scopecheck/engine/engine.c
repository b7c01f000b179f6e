/* The engine's entry: builds the program's function table, finds the entry
 * points and runs each from a fresh state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

void sc_reaching_functions(ir_unit *const *units, size_t nunits,
                           const sc_alias *aliases, size_t naliases,
                           void (*fn)(const char *name, void *ctx), void *ctx)
{
    sc_engine e;
    sc_program prog;
    sc_engine_init(&e);
    program_init(&prog, &e, units, nunits, aliases, naliases);
    for (size_t i = 0; i < prog.nfns; i++)
        if (prog.fns[i].reaches && !prog.fns[i].fn->is_static)
            fn(prog.fns[i].fn->name, ctx);
    program_release(&prog);
    sc_engine_release(&e);
}

static void called_names(const sc_program *prog, const ir_unit *u,
                         const ir_expr *x,
                         void (*fn)(const char *name, void *ctx), void *ctx)
{
    if (!x)
        return;
    if (x->kind == IR_CALL && x->str && !program_find(prog, u, x->str) &&
        !program_library_function(prog, x->str))
        fn(x->str, ctx);
    for (uint32_t i = 0; i < x->nkids; i++)
        called_names(prog, u, x->kids[i], fn, ctx);
}

static void called_names_stmt(const sc_program *prog, const ir_unit *u,
                              const ir_stmt *s,
                              void (*fn)(const char *name, void *ctx), void *ctx)
{
    if (!s)
        return;
    called_names(prog, u, s->e, fn, ctx);
    called_names(prog, u, s->step, fn, ctx);
    called_names_stmt(prog, u, s->init, fn, ctx);
    for (uint32_t i = 0; i < s->nbody; i++)
        called_names_stmt(prog, u, s->body[i], fn, ctx);
}

void sc_linked_names(ir_unit *const *units, size_t nunits,
                     void (*fn)(const char *name, void *ctx), void *ctx)
{
    sc_engine e;
    sc_program prog;
    sc_engine_init(&e);
    program_init(&prog, &e, units, nunits, NULL, 0);
    for (size_t k = 0; k < nunits; k++) {
        const ir_unit *u = units[k];
        for (uint32_t i = 0; i < u->nglobals; i++)
            if (u->globals[i].sym.name)
                fn(u->globals[i].sym.name, ctx);
        for (uint32_t i = 0; i < u->nfuncs; i++)
            called_names_stmt(&prog, u, u->funcs[i].body, fn, ctx);
    }
    program_release(&prog);
    sc_engine_release(&e);
}

static bool is_entry_unit(const sc_engine_opts *o, const ir_unit *u)
{
    if (!o->entry_units)
        return true;
    for (size_t i = 0; i < o->nentry_units; i++)
        if (o->entry_units[i] == u)
            return true;
    return false;
}

void sc_analyze(ir_unit *const *units, size_t nunits,
                const sc_engine_opts *opts, sc_event_fn fn, void *ctx)
{
    sc_engine e;
    sc_engine_init(&e);
    e.strict = opts->strict;
    e.trace = getenv("SCOPECHECK_TRACE") != NULL;
    e.emit = fn;
    e.emit_ctx = ctx;
    sc_program prog;
    program_init(&prog, &e, units, nunits, opts->aliases, opts->naliases);
    program_mark_called(&prog, units, nunits);
    sc_interp in = {0};
    in.e = &e;
    in.prog = &prog;
    in.checkers = checkers_new(&e, &prog);
    facts_init(&in.facts, &e);
    in.loop_unroll = opts->loop_unroll;
    in.call_depth = opts->call_depth;
    in.max_steps = 50 * 1000 * 1000;
    /* The memory budget grows with the program (256 MiB, and 4 bytes of
     * abstract state per byte of IR: a straight run of 100,000 calls
     * needs about 3): one function whose paths multiply, as in a library
     * with an allocation-failure path after every call, stops there. */
    size_t ir_bytes = 0;
    for (size_t u = 0; u < nunits; u++)
        ir_bytes += units[u]->arena.total;
    in.max_memory = ((size_t)256 << 20) + 4 * ir_bytes;
    /* main first, then every function nobody calls, in source order;
     * entry points that cannot reach the library are not simulated */
    bool ran_main = false;
    for (size_t i = 0; i < prog.nfns; i++) {
        const sc_fn *f = &prog.fns[i];
        if (f->reaches && strcmp(f->fn->name, "main") == 0 &&
            !f->fn->is_static && is_entry_unit(opts, f->unit)) {
            interp_run_entry(&in, f, units, nunits);
            ran_main = true;
        }
    }
    /* (main's run runs the constructors and destructors around it) */
    for (size_t i = 0; i < prog.nfns; i++) {
        const sc_fn *f = &prog.fns[i];
        if (f->reaches && !f->called && strcmp(f->fn->name, "main") != 0 &&
            !(ran_main && (f->fn->is_constructor || f->fn->is_destructor)) &&
            is_entry_unit(opts, f->unit))
            interp_run_entry(&in, f, units, nunits);
    }
    checkers_end_analysis(in.checkers);
    if (getenv("SCOPECHECK_STATS"))
        fprintf(stderr, "scopecheck: engine: %zu functions, %.1f MiB of "
                        "abstract state (budget %.1f MiB), %zu strings\n",
                prog.nfns, e.arena.total / 1048576.0,
                in.max_memory / 1048576.0, e.strings.count);
    checkers_free(in.checkers);
    free(in.literals);
    program_release(&prog);
    sc_engine_release(&e);
}
