/* Path facts: what the tests on a path taught, and whether a path is one
 * some run can take (the engine's constraint manager).
 *
 * After `if (argc % 3 == 1)` the then-arm knows argc % 3 is 1, and a later
 * `switch (argc % 3)` on the same path must not take case 2: without
 * that, two tests of one unknown value would combine into paths no run
 * takes, and findings on them would be false.
 *
 * A fact is keyed by the shape of a pure expression (up to what spelling
 * does not change: x + 0, the order of a commutative operator's operands,
 * a > b as b < a) and the identity of the values its variables hold.  A
 * variable gets a new value object each time it is stored, so a fact
 * about what it held dies when it changes.  An unknown narrowed by a test
 * is a new object that keeps the identity of the value it narrows
 * (av_narrowed), so every copy of it is narrowed together.
 *
 * The API, as a constraint manager's:
 *   learn    facts_learn: what a test being true or false says, in this
 *            frame and, in their own terms, in its callers' (mode == 1 in
 *            helper(g, argc % 3) is argc % 3 == 1 in the caller)
 *   assume   facts_assume (learn, then the consistency check), and the
 *            same for a switch's cases
 *   query    facts_truth, facts_value (what the facts say of an
 *            expression), facts_eval (a pure expression's value)
 *   join     facts are values in the state's frames (sc_frame_maps.facts)
 *            and join as values do, with the variables (state_join_into):
 *            a fact known on one path only, or with values whose hull says
 *            nothing, is dropped
 *   forget   a fact is forgotten with the value it is about (a new store)
 *            and with its frame (state_pop_frame) */
#ifndef SC_FACTS_H
#define SC_FACTS_H

#include "program.h"
#include "state.h"

/* The tables of the whole run: which expression each fact is about,
 * switch cases as tests, the expressions values stand for, and callees'
 * tests in their callers' terms. */
typedef struct sc_facts {
    sc_engine *e;
    pmap exprs;                   /* expression key -> the expression */
    pmap case_tests;              /* case label -> its `x == value` test */
    pmap value_keys;              /* a value's identity -> the fact key of
                                     the expression it was computed from */
    pmap caller_tests;            /* (test, call) -> the test in the
                                     caller's terms */
    uint32_t edit;                /* these maps are held here only: they
                                     are updated in place (pmap.h) */
    bool clash;                   /* a fact written since the last look
                                     said the opposite of what the path
                                     knew */
    size_t blank, read;           /* the last check's count of the top
                                     frame's facts that say nothing, and
                                     of facts read (sweep in facts.c) */
    uint64_t pin_key;             /* while the consistency check tries a
                                     value of a few-valued expression
                                     (argc % 3 is 2), facts_eval reads
                                     the expression of this key as... */
    const av *pin_val;            /* ...this value (some_value_fits) */
} sc_facts;

void facts_init(sc_facts *fx, sc_engine *e);

/* ---- query ---- */
/* The value of a pure expression on this path, facts included, without
 * side effects (NULL if it is not pure). */
const av *facts_eval(const sc_frame *fr, const ir_expr *x, const sc_state *st);
/* What the facts say of x: its truth (1, 0, -1 unknown), its value (NULL
 * when they know no single value). */
int facts_truth(const sc_frame *fr, const ir_expr *x, const sc_state *st);
const av *facts_value(const sc_frame *fr, const ir_expr *x, const sc_state *st);

/* ---- learn, assume ---- */
/* Learns what test x being `truth` says on st, in this frame and its
 * callers'; false if the path knew the opposite (no run takes it). */
bool facts_learn(const sc_frame *fr, const ir_expr *x, sc_state *st,
                 int truth);
/* False if the path's facts cannot all hold: each alone, and then with
 * each value of a few-valued variable (argc in 1..2, argc % 3 == 1 and
 * argc % 2 == 0 cannot). */
bool facts_consistent(const sc_frame *fr, const sc_state *st);
/* learn, then consistent */
bool facts_assume(const sc_frame *fr, const ir_expr *x, sc_state *st,
                  int truth);
/* A switch: its operand equals a case's value (eq: the case's test, from
 * facts_case_test), or no case's. */
bool facts_assume_case(const sc_frame *fr, const ir_expr *eq, sc_state *st);
bool facts_assume_no_case(const sc_frame *fr, const ir_expr *const *tests,
                          uint32_t n, sc_state *st);
/* `x == value` for the case at label, built once per label */
const ir_expr *facts_case_test(sc_facts *fx, const ir_stmt *label,
                               const ir_expr *x, int64_t value);

/* ---- what values stand for ---- */
/* A call starts: each parameter stands for its argument (what the caller
 * can name: see facts_learn) while it holds the value passed. */
void facts_enter(const sc_frame *fr, sc_state *st, const av **args,
                 uint32_t nargs);
/* v, computed from the pure expression src, about to be stored in an
 * integer variable: the variable then stands for src (int m = argc % 3:
 * m == 1 and argc % 3 == 1 are one test). */
const av *facts_bind_value(const sc_frame *fr, const ir_expr *src,
                           const sc_state *st, const av *v);

#endif
