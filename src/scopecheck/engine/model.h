/* The model of the varscope library (TF 1.15 semantics) over abstract
 * state: what each of the library's calls does to a path (model_int.h
 * says how). */
#ifndef SC_MODEL_H
#define SC_MODEL_H

#include "../../common/vocab.h"
#include "state.h"

/* A (state, value) pair: evaluating an expression may split a path in two
 * (a call that may fail, a condition nobody knows). */
typedef struct sc_sv {
    sc_state *st;
    const av *v;
    /* a library call's path on which it failed (surely, or maybe: then
     * the path is doubtful), with the code it failed with (0: unknown):
     * the graph's error handler runs there */
    bool failed;
    int code;
} sc_sv;

typedef SC_VEC(sc_sv) sc_svs;

/* Runs the library function fn on st; the paths it leaves, with its
 * result, go to out. */
void model_call(sc_engine *e, vs_fn_id fn, sc_state *st, const av **args,
                uint32_t nargs, const sc_site *site, sc_svs *out);

/* A template call (vs_template_call) runs a builder function of the
 * program's between the library's work before and after it, so the
 * interpreter runs it in three steps: model_call gives the paths where
 * the call is decided already (out), and those where the builder is to
 * run (runs: which function, with which arguments); the interpreter runs
 * the builder on each, then model_template_return finishes the call on
 * each of the builder's paths with what it returned. */
typedef struct sc_tcall sc_tcall;       /* the call in progress */
typedef struct sc_builder_run {
    sc_state *st;
    const av *fn;                       /* the builder (a function
                                           pointer's value) */
    const av *args[3];                  /* graph, input, user */
    const sc_tcall *call;
} sc_builder_run;
typedef SC_VEC(sc_builder_run) sc_builder_runs;

void model_template_call(sc_engine *e, sc_state *st, const av **args,
                         uint32_t nargs, const sc_site *site, sc_svs *out,
                         sc_builder_runs *runs);
void model_template_return(sc_engine *e, sc_state *st, const sc_tcall *call,
                           const av *ret, const sc_site *site, sc_svs *out);

/* The graph a call's graph argument designates on st: NULL when it is
 * NULL, freed, or unknown (an unknown handle is taken to be the only live
 * graph when there is exactly one). */
const sc_graph *model_graph_arg(const sc_state *st, const av *g);

#endif
