/* The engine: an abstract interpreter of the TF 1.15 naming model over the
 * IR of a whole program.  It runs every entry point (main, and every
 * function nobody calls), follows calls into the program's own functions
 * with the caller's state, and reports what it finds as events (event.h,
 * plain data).  The rules (src/scopecheck/rules) read the events; none of
 * them models naming.  docs/engine.md describes the design. */
#ifndef SC_ENGINE_H
#define SC_ENGINE_H

#include <stdbool.h>

#include "../ir/ir.h"
#include "event.h"

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

/* The names through which other files can change what these units read:
 * their globals, and the functions they call that none of them defines
 * (and that are not the library's).  A file naming one of them may write
 * a global the units read, or compute a value they use, without naming
 * the library: the driver parses it too, so that the findings do not
 * depend on the pre-scan (issue 12 item 7). */
void sc_linked_names(ir_unit *const *units, size_t nunits,
                     void (*fn)(const char *name, void *ctx), void *ctx);

#endif
