/* The program the engine runs: its functions by name (external ones
 * across the units, static ones within their unit), which are called and
 * which can reach the library, the slots of its globals, and which of the
 * names it calls are the library's functions. */
#ifndef SC_PROGRAM_H
#define SC_PROGRAM_H

#include "../../common/vocab.h"
#include "base.h"
#include "engine.h"
#include "pmap.h"

typedef struct sc_fn {
    const ir_unit *unit;
    const ir_func *fn;
    uint32_t index;               /* in sc_program.fns */
    bool called;                  /* somebody calls it: not an entry point */
    bool reaches;                 /* it can reach the library */
    bool address_taken;           /* used as a value: a pointer's target */
    uint32_t nstmts;              /* statements in its body, at any depth */
} sc_fn;

typedef struct sc_program {
    sc_engine *e;
    const sc_alias *aliases;      /* the configuration's names for the
                                     library's functions */
    size_t naliases;
    pmap funcs;                   /* interned name -> sc_fn (external) */
    pmap statics;                 /* interned "unitptr:name" -> sc_fn */
    sc_fn *fns;                   /* in unit order, then source order */
    size_t nfns;
    /* globals: one slot each in frame 0, per unit (statics) or shared */
    pmap global_slots;            /* interned key -> slot index + 1 */
    uint32_t nglobal_slots;
    /* the slots of globals with external linkage: what code in other
     * files (one the engine cannot see) can reach by name */
    uint32_t *shared_slots;
    uint32_t nshared;
    /* some function calls vs_last_error (or takes its address): only
     * then does the engine keep each graph's last error on the paths
     * (paths that differ in it alone are not joined) */
    bool reads_last_error;
    /* program_find's and program_library_function's answers, by the
     * name's address (program.c) */
    struct sc_lookup_memo *memo;
} sc_program;

/* Registers the units' functions and marks which reach the library. */
void program_init(sc_program *p, sc_engine *e, ir_unit *const *units,
                  size_t nunits, const sc_alias *aliases, size_t naliases);
/* Marks the functions somebody calls (the others are entry points), and
 * whether some function reads vs_last_error: what the analysis needs and
 * the pre-link passes (engine.h: sc_reaching_functions, sc_linked_names)
 * do not. */
void program_mark_called(sc_program *p, ir_unit *const *units,
                         size_t nunits);
void program_release(sc_program *p);

/* An activation of one of the program's functions: which frame of the
 * state holds its variables, which function it runs, and the call that
 * runs it.  The interpreter's context of a function starts with one; the
 * facts (facts.h) read it. */
typedef struct sc_frame {
    sc_engine *e;
    sc_program *prog;
    struct sc_facts *facts;
    const ir_unit *unit;
    const ir_func *fn;
    uint32_t frame;               /* its variables' frame in the state */
    const ir_expr *call;          /* the call running it; NULL: an entry */
    const struct sc_frame *caller;
} sc_frame;

/* The function a call by this name in unit u runs, or NULL. */
const sc_fn *program_find(const sc_program *p, const ir_unit *u,
                          const char *name);
/* The library function a call by this name runs (the name itself, or
 * what the configuration makes it stand for), or NULL. */
const vs_fn_info *program_library_function(const sc_program *p,
                                           const char *name);
/* The slot in frame 0 of global sym of unit u. */
uint32_t program_global_slot(sc_program *p, const ir_unit *u, uint32_t sym);
static inline uint32_t frame_global_slot(const sc_frame *fr, uint32_t sym)
{
    return program_global_slot(fr->prog, fr->unit, sym);
}

#endif
