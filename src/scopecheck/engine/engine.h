/* The engine: an abstract interpreter of the TF 1.15 naming model over the
 * IR of a whole program.  It runs every entry point (main, and every
 * function nobody calls), follows calls into the program's own functions
 * with the caller's state, and reports what it finds as events.  The rules
 * (src/scopecheck/rules) read the events; none of them models naming. */
#ifndef SC_ENGINE_H
#define SC_ENGINE_H

#include <stdbool.h>

#include "../ir/ir.h"
#include "absval.h"
#include "state.h"

typedef enum sc_event_kind {
    /* A library call fails on this path: code is the vs_code, message the
     * runtime's text.  Only reported when the engine is sure. */
    SC_EV_ERROR,
    /* strict mode: a call could fail, depending on unknown values */
    SC_EV_MAYBE_ERROR,
    /* vs_variable got a _N suffix: name -> result; other = first taker */
    SC_EV_RENAMED,
    /* vs_get_variable while an explicit name scope is the innermost scope
     * that names ops: entry is that name scope */
    SC_EV_NAME_SCOPE_IGNORED,
    /* an op or vs_variable is created under entry, whose name scope got a
     * _N suffix because its name was taken */
    SC_EV_REENTERED,
    /* a scope entered on this path is still open when the path leaves the
     * function (other = the return; func = the function) while other paths
     * close it, or when the graph is freed (other = vs_graph_free) */
    SC_EV_LEAK,
    /* never emitted: the kind of rules whose findings do not come from
     * the engine (unused-suppression, written by cli/suppress.c) */
    SC_EV_NONE
} sc_event_kind;

typedef struct sc_event {
    sc_event_kind kind;
    int code;                     /* vs_code for errors */
    sc_site site;                 /* where: the call (the enter for leaks) */
    const char *message;
    const char *name, *result;
    const sc_var *existing;       /* the variable the call ran into */
    const sc_scope *scope;        /* the variable scope at the call */
    const sc_entry *entry;        /* the scope entry involved */
    const sc_entry *reuse_entry;  /* the entry the scope's reuse comes from */
    sc_site other;
    const char *func;
    int dtype_found;              /* missing-dtype: what the store holds */
    /* scope-leak at a return: only leaking paths reach that return, and
     * the scope was entered in the same function (a vs_scope_exit just
     * before it is the fix) */
    bool fix_before_other;
} sc_event;

typedef void (*sc_event_fn)(const sc_event *ev, void *ctx);

/* The library's functions, by the names this program calls them. */
typedef struct sc_alias {
    const char *name;             /* as called: "my_get_var" */
    const char *canonical;        /* "vs_get_variable_at" */
} sc_alias;

typedef struct sc_engine_opts {
    bool strict;                  /* report "could fail" as maybe-errors */
    int loop_unroll;              /* constant loops are unrolled this far */
    int call_depth;               /* calls followed this deep */
    const sc_alias *aliases;
    size_t naliases;
    /* when set, only functions of these units are entry points (the other
     * units are there to be called, and to say who is called) */
    ir_unit *const *entry_units;
    size_t nentry_units;
} sc_engine_opts;

/* Analyses the program made of these units (a TU each).  Functions are
 * resolved across units by name; static ones within their unit. */
void sc_analyze(ir_unit *const *units, size_t nunits,
                const sc_engine_opts *opts, sc_event_fn fn, void *ctx);

/* For the pre-scan: true if the name is one of the library's functions
 * (vs_*_at, vs_graph_new, ...). */
bool sc_is_library_function(const char *name);

/* The externally visible functions of these units that reach the library
 * (call it, or call a function that does, through any of the units),
 * reported one name at a time.  The engine skips entry points that do
 * not; the driver uses the names to find other files to parse. */
void sc_reaching_functions(ir_unit *const *units, size_t nunits,
                           const sc_alias *aliases, size_t naliases,
                           void (*fn)(const char *name, void *ctx),
                           void *ctx);

#endif
