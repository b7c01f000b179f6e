/* The abstract interpreter: runs the program's functions over sets of
 * abstract states (see interp.c), calling the model for the library's
 * functions, the facts for what branches teach, and the checkers at the
 * points they watch. */
#ifndef SC_INTERP_H
#define SC_INTERP_H

#include "checkers.h"
#include "facts.h"
#include "model.h"
#include "program.h"
#include "state.h"

typedef struct sc_interp {
    sc_engine *e;
    sc_program *prog;
    sc_checkers *checkers;
    int loop_unroll;              /* constant loops are unrolled this far */
    int call_depth;               /* calls followed this deep */
    /* Budgets: past either, the entry point's run stops (interp.c:
     * stop_for_budget), which says so once. */
    size_t max_memory;            /* arena bytes */
    long steps, max_steps;        /* statements run, per entry point */
    bool budget_said;             /* this entry point's budget stop noted */
    /* where it ran out in a muted turn, if that is all so far: said at
     * the end of the entry point if no later stop says it */
    bool budget_muted;
    ir_loc budget_loc;
    const ir_unit *budget_unit;
    size_t max_states;            /* paths per point at this call depth */
    /* aggregates of literals -> their value (interp.c: eval_literal),
     * open addressing on the expression's address: each path looks the
     * same ones up again, one probe each */
    struct sc_literal { const void *x, *v; } *literals;
    size_t literals_cap, literals_count;
    sc_facts facts;
} sc_interp;

/* Runs entry point fn from a fresh state (main: then the program ends). */
void interp_run_entry(sc_interp *in, const sc_fn *fn, ir_unit *const *units,
                      size_t nunits);

#endif
