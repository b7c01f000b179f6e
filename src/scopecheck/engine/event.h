/* What the engine reports: events, as plain data.
 *
 * An event says what happens on a path and where, with everything a rule
 * needs to write its finding (names, dtypes, shapes, the places involved,
 * each with the loop turn and the calls that lead there), and nothing of
 * the engine's abstract state.  It is valid during the call of the
 * sc_event_fn it is given to. */
#ifndef SC_EVENT_H
#define SC_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/pos.h"

/* What happens, X(kind, name) (the name is rules/<id>.json's "event"):
 *   error          a library call fails on this path: code is the vs_code,
 *                  message the runtime's text (only when the engine is sure)
 *   maybe-error    strict mode: a call could fail, depending on unknown
 *                  values
 *   renamed        vs_variable got a _N suffix: name -> result; other is
 *                  who took the name first
 *   name-scope-ignored
 *                  vs_get_variable while an explicit name scope is the
 *                  innermost scope that names ops: scope_entry is where
 *                  that name scope was entered, result its name
 *   reentered      an op or vs_variable is created (other) under a scope
 *                  entered at `at` whose name scope got a _N suffix because
 *                  its name was taken
 *   leak           a scope entered at `at` is still open when the path
 *                  leaves the function `func` at other, while other paths
 *                  close it, or when the graph is freed at other (func NULL;
 *                  "main" when main returns with the graph alive)
 *   unchecked      checking stops at `at` for the reason `stop` (below):
 *                  part of the program is not followed from there on this
 *                  path, so silence there promises nothing; name is what
 *                  is not followed (a callee), if known
 *   none           never emitted: the kind of rules whose findings do not
 *                  come from the engine (unused-suppression, written by
 *                  cli/suppress.c) */
#define SC_EVENT_KINDS(X)                                                    \
    X(SC_EV_ERROR, "error")                                                  \
    X(SC_EV_MAYBE_ERROR, "maybe-error")                                      \
    X(SC_EV_RENAMED, "renamed")                                              \
    X(SC_EV_NAME_SCOPE_IGNORED, "name-scope-ignored")                        \
    X(SC_EV_REENTERED, "reentered")                                          \
    X(SC_EV_LEAK, "leak")                                                    \
    X(SC_EV_UNCHECKED, "unchecked")                                          \
    X(SC_EV_NONE, "none")

typedef enum sc_event_kind {
#define SC__EVENT_KIND(kind, name) kind,
    SC_EVENT_KINDS(SC__EVENT_KIND)
#undef SC__EVENT_KIND
} sc_event_kind;

/* a call on the way to a place: where it is, and whom it calls */
typedef struct sc_event_call {
    sc_pos at;
    const char *callee;
} sc_event_call;

/* A place, with how the path got there. */
typedef struct sc_event_site {
    bool known;                   /* false: there is no such place */
    sc_pos pos;
    /* the innermost loop turn worth saying (a first turn is not) */
    bool in_loop;
    sc_pos loop;
    int64_t turn;                 /* 1-based; 0: "a later turn" */
    const sc_event_call *calls;   /* the calls that led here, innermost */
    size_t ncalls;                /* first */
} sc_event_site;

/* Why checking stopped at an unchecked event, X(stop, name):
 *   budget         the analysis budget (statements run, or memory of
 *                  abstract state) ran out: from here on calls and loops
 *                  are not followed
 *   call-depth     a call deeper than the depth followed (call_depth)
 *   recursion      a recursive call past the depth of recursion followed
 *   unknown-callee a call through a function pointer whose targets the
 *                  engine does not know
 *   loop-cap       a loop runs past the turns followed one by one (the
 *                  unroll cap): its later turns are checked once, with
 *                  what the loop writes unknown, so a failure there is
 *                  only a "could fail"
 *   setjmp         a setjmp returning again, from a longjmp: the state
 *                  there is made unknown where the jump could change it
 *   jump           a jump the engine cannot follow: a goto into a block
 *                  that is no longer running, a longjmp whose jmp_buf it
 *                  cannot resolve
 * Each stops following something; the state after it is made unknown
 * where the unfollowed code could change it (havoc), so later findings
 * stay sound, but what the unfollowed code itself does is not checked. */
#define SC_STOPS(X)                                                          \
    X(SC_STOP_BUDGET, "budget")                                              \
    X(SC_STOP_CALL_DEPTH, "call-depth")                                      \
    X(SC_STOP_RECURSION, "recursion")                                        \
    X(SC_STOP_UNKNOWN_CALLEE, "unknown-callee")                              \
    X(SC_STOP_LOOP_CAP, "loop-cap")                                          \
    X(SC_STOP_SETJMP, "setjmp")                                              \
    X(SC_STOP_JUMP, "jump")

typedef enum sc_stop {
#define SC__STOP(stop, name) stop,
    SC_STOPS(SC__STOP)
#undef SC__STOP
} sc_stop;

typedef enum sc_scope_kind {
    SC_SCOPE_NAME,                /* vs_name_scope_enter */
    SC_SCOPE_VARIABLE             /* vs_variable_scope_enter, _reenter */
} sc_scope_kind;

typedef struct sc_event {
    sc_event_kind kind;
    int code;                     /* vs_code: errors, maybe-errors, leaks */
    const char *message;          /* errors: the runtime's text */
    sc_event_site at;             /* the call; for a scope's events (leak,
                                     reentered), where it was entered */
    /* a leak: the return or the free; renamed: who took the name first;
     * reentered: the op created; an error: the failed call a NULL
     * argument comes from */
    sc_event_site other;
    sc_event_site created;        /* the existing variable: its creation */
    /* the variable scope whose reuse applies (duplicate, missing
     * variable), or the name scope ignored */
    sc_event_site scope_entry;
    const char *name, *result;    /* the name asked for, the one it got */
    sc_scope_kind scope_kind;     /* leak, reentered: the scope's kind */
    const char *scope_name;       /* its name; NULL: unknown; name scope
                                     ignored: the name asked for */
    const char *func;             /* a leak at a return: the function */
    bool existing;                /* the call ran into a known variable */
    int dtype_asked, dtype_found; /* vs_dtype values; -1: unknown */
    const char *shape_asked, *shape_found;  /* as TF prints them */
    /* a leak at a return that only leaking paths reach, of a scope the
     * function entered itself: a vs_scope_exit just before it fixes it */
    bool fix_before_other;
    sc_stop stop;                 /* unchecked: why checking stopped */
    /* no run fails here, as far as the engine knows: found in a function
     * nobody calls (analysed on a fresh graph), or a scope still open
     * when main returns without freeing its graph (the library reports
     * leaks at vs_graph_free): the rule says it as a warning */
    bool no_run_fails;
    bool at_program_end;          /* a leak: main returns with it open */
} sc_event;

typedef void (*sc_event_fn)(const sc_event *ev, void *ctx);

#endif
