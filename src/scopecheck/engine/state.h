/* The abstract state of a program on a path: its graphs, modelled as
 * TensorFlow 1.15 models a graph (docs/tf-semantics.md §1), and its variables.
 *
 * All of it is immutable and shared between paths: a change makes a new
 * record (persistent maps copy one path), so forking a state is cheap
 * and joining two states touches only what differs. */
#ifndef SC_STATE_H
#define SC_STATE_H

#include "absval.h"
#include "pmap.h"

/* A count the engine may not know (after a join of different counts). */
#define SC_COUNT_TOP (-1)

/* Graph._names_in_use entry. */
typedef struct sc_name {
    int64_t count;                /* SC_COUNT_TOP: unknown */
    sc_site first;                /* who took the name first */
} sc_name;

/* An entry of the variable store (_VariableStore._vars). */
typedef struct sc_stored {
    bool maybe;                   /* present on some paths only */
    const sc_var *var;            /* NULL: present, attributes unknown */
} sc_stored;

/* _VariableScopeStore.variable_scopes_count as a trie on "/"-separated
 * components, so that "close all sub-scopes of a/b" and the snapshot of
 * an object re-entry are one pointer operation each. */
typedef struct sc_counts {
    int64_t count;                /* this name's count; SC_COUNT_TOP */
    pmap kids;                    /* component -> sc_counts */
} sc_counts;

/* A VariableScope object.  reuse/dtype may be unknown (-1). */
typedef struct sc_scope {
    uint32_t id;
    const char *name;             /* NULL: unknown */
    const char *original_ns;      /* NULL: unknown */
    int reuse;                    /* vs_reuse, or -1 */
    int dtype;                    /* vs_dtype, 0 = none given, or -1 */
    int init_kind;                /* vs_init_kind, or -1 */
    const sc_tensor *init_value;  /* VS_INIT_VALUE's tensor, if known */
    sc_site site;                 /* where it was entered */
    bool is_root;
} sc_scope;

typedef enum sc_entry_kind {
    SC_ENTRY_NAME_SCOPE,
    SC_ENTRY_VAR_SCOPE,           /* by name or default name */
    SC_ENTRY_VAR_REENTER,         /* by captured object */
    SC_ENTRY_UNKNOWN              /* bottom of a stack nobody knows */
} sc_entry_kind;

/* An open scope: an immutable list node, innermost first. */
typedef struct sc_entry {
    const struct sc_entry *below;
    sc_entry_kind kind;
    uint32_t uid;                 /* identifies this entry for the rules */
    const char *saved_ns;         /* name scope to restore; NULL unknown */
    uint32_t saved_scope;         /* scope to restore; 0 unknown */
    uint32_t scope;               /* the scope object pushed; 0 unknown */
    const sc_counts *snapshot;    /* SC_ENTRY_VAR_REENTER */
    bool snapshot_unknown;
    sc_site site;                 /* the enter call */
    const char *requested;        /* name asked for the name scope */
    const char *ns;               /* the name scope it opened */
    bool sets_ns;                 /* it opened or re-entered a name scope */
    bool renamed;                 /* the name scope got a _N suffix */
    /* SC_ENTRY_UNKNOWN comes in two sorts.  A bottom stands for the rest
     * of the stack, which nobody knows (after a loop that opened or
     * closed scopes a number of times, or paths of different depths
     * joined): at_least of its scopes are open on every path, so that
     * many exits are sure to find one.  Otherwise the entry is one open
     * scope whose kind the paths that meet disagree on. */
    bool bottom;
    int at_least;
} sc_entry;

/* ---- the library's Python objects, which a graph keeps (layers, RNN
 * cells, templates, optimizers, moving averages, ops, sessions): each an
 * immutable record in the graph's objs map, replaced when it changes.
 * Flags and numbers the engine may not know hold SC_UNK (flags) or
 * SC_TOP_DIM (numbers). ---- */
#define SC_UNK 2                  /* a flag nobody knows */
#define SC_MAX_WEIGHTS 8
#define SC_MAX_CELLS 16

typedef enum sc_obj_kind {
    SC_OBJ_LAYER, SC_OBJ_TEMPLATE, SC_OBJ_OPTIMIZER, SC_OBJ_EMA, SC_OBJ_OP,
    SC_OBJ_SESSION
} sc_obj_kind;

/* the library's vs_layer_kind, in its order (internal.h) */
typedef enum sc_layer_kind {
    SC_LAYER_DENSE, SC_LAYER_CONV2D, SC_LAYER_BATCH_NORM,
    SC_LAYER_MAX_POOLING2D, SC_LAYER_FLATTEN, SC_LAYER_DROPOUT,
    SC_LAYER_BASIC_RNN, SC_LAYER_BASIC_LSTM, SC_LAYER_LSTM, SC_LAYER_GRU,
    SC_LAYER_MULTI_RNN
} sc_layer_kind;

/* an initializer as a layer keeps it: its kind (-1 unknown) and value */
typedef struct sc_init {
    int kind;
    const sc_tensor *value;
} sc_init;

/* a tf.layers layer or an RNN cell (the library's struct vs_layer) */
typedef struct sc_layer {
    sc_layer_kind kind;
    const char *name, *base;      /* layer.name, its base; NULL unknown */
    bool scope_known;             /* the captured scope is known: */
    uint32_t scope;               /* ... its id, 0 none yet */
    int reuse;                    /* _reuse; -1 unknown */
    int trainable;                /* 0, 1, SC_UNK */
    int built;                    /* 0, 1, SC_UNK */
    int dtype;                    /* from the first input; SC_DT_TOP */
    int nweights;                 /* -1: unknown */
    const sc_var *weights[SC_MAX_WEIGHTS];
    int64_t built_axis;           /* SC_TOP_DIM unknown */
    int built_rank, spec_axis;    /* -100: unknown */
    int64_t units;                /* units, filters; SC_TOP_DIM unknown */
    int activation;               /* -1 unknown */
    int no_bias;                  /* 0, 1, SC_UNK */
    sc_init kernel_init, bias_init;
    const char *kernel_name, *bias_name, *collection;
    int64_t ksize[2], strides[2], dilation[2];
    int padding;                  /* -1 unknown */
    int axis;                     /* batch norm's, 0 = -1; -100 unknown */
    int no_center, no_scale;      /* flags */
    int rate_ok;                  /* dropout: 0 <= rate < 1 (flag) */
    int64_t num_proj;
    int use_peepholes;
    int ncells;                   /* MultiRNNCell; -1 unknown */
    uint32_t cells[SC_MAX_CELLS]; /* object ids */
    bool rnncell_known;
    uint32_t rnncell_scope;       /* RNNCell.__call__'s cached scope id */
} sc_layer;

/* tf.make_template's Template */
typedef struct sc_template {
    const char *name, *unique_name;
    const void *fn;               /* the builder (an av: a function
                                     pointer's value); NULL unknown */
    const void *user;             /* its user argument (an av) */
    bool scope_known;
    uint32_t scope;               /* 0 none yet */
    int first_call, variables_created;   /* flags */
} sc_template;

/* an optimizer's slot, or a moving average's average */
typedef struct sc_slot {
    const char *slot_name;        /* "m" */
    const char *primary;          /* the variable's name ("w:0"), or the
                                   * averaged tensor's ("moments/Mean:0") */
    const sc_var *var;
    const struct sc_slot *next;
} sc_slot;

typedef struct sc_optimizer {
    int kind;                     /* the library's vs_opt_kind */
    const char *name;             /* NULL unknown */
    int centered;                 /* RMSProp; flag */
    int acc_ok;                   /* Adagrad: the accumulator value > 0 */
    const sc_slot *slots;         /* made so far */
    bool slots_unknown;           /* others may have been made */
    int has_powers;               /* Adam's beta powers made (flag) */
    int zero_debias;              /* a moving average's (flag) */
} sc_optimizer;

typedef struct sc_obj {
    uint32_t id;
    sc_obj_kind kind;
    union {
        sc_layer layer;
        sc_template tmpl;
        sc_optimizer opt;         /* also a moving average's averages */
        struct {                  /* SC_OBJ_OP: vs_op */
            const char *name;
            bool init;            /* tf.global_variables_initializer's */
            const sc_vlist *vars; /* ... and its variables */
        } op;
    };
} sc_obj;

typedef struct sc_graph {
    uint32_t id;
    bool freed;
    pmap names;                   /* lower-cased name -> sc_name */
    pmap nodes;                   /* op name -> (void *)1 */
    pmap store;                   /* full name -> sc_stored */
    const sc_counts *counts;
    pmap scopes;                  /* scope id -> sc_scope */
    const sc_entry *stack;        /* NULL: nothing open */
    int depth;                    /* entries above an unknown bottom */
    const char *ns;               /* "" or "a/b/"; NULL unknown */
    uint32_t current;             /* current scope id; 0 unknown */
    uint32_t root;                /* the root scope's id */
    /* Names of unknown spelling were taken (names) or created (store)
     * under these prefixes: below them, absence of a key is no longer
     * certain.  A prefix of "" covers everything. */
    const struct sc_plist *names_unknown, *store_unknown;
    bool counts_unknown;
    /* the library's objects (id -> sc_obj), variables (newest first:
     * GLOBAL_VARIABLES) and other collections (key -> sc_vlist) */
    pmap objs;
    const sc_vlist *vars;
    pmap colls;
    pmap layer_uids;              /* keras's unique_object_name: base ->
                                     sc_name (its count) */
    /* a template call in progress: the builder may not exit below floor;
     * reported counts the failures of calls made inside one (SC_COUNT_TOP:
     * unknown) */
    int tdepth, floor;
    int64_t reported;
    /* The edit id of the state a library call made this copy for (0:
     * made otherwise).  While it is still that state's id, only that
     * state holds the graph, and its next call changes it in place
     * (model.c: m_copy_graph), putting it back if the call fails. */
    uint32_t edit;
    /* the edit id of the counts trie's maps, while edit is in force; a
     * new one when an entry keeps a snapshot of the counts, so that what
     * the snapshot holds is never changed */
    uint32_t counts_edit;
#ifndef NDEBUG
    /* in a state: never changed again but as above (else copy it:
     * graph_copy); equal graph pointers stand for equal graphs
     * (state_same_graphs) */
    bool in_state;
#endif
} sc_graph;

typedef struct sc_plist {
    const char *prefix;
    const struct sc_plist *next;
} sc_plist;

/* The record of a name taken count times, first by first: one per
 * content in the run, so the paths that take the same names at the same
 * places share their records. */
const sc_name *state_name(sc_engine *e, int64_t count, const sc_site *first);

bool plist_covers(const sc_plist *l, const char *key);
const sc_plist *plist_add(sc_engine *e, const sc_plist *l, const char *p);
const sc_plist *plist_union(sc_engine *e, const sc_plist *a,
                            const sc_plist *b);

/* One active call's part of a path: its variables, and the facts its
 * tests taught (facts.h: the key of a test -> what it is known to be). */
typedef struct sc_frame_maps {
    pmap vars;                    /* slot index + 1 -> av */
    pmap facts;                   /* fact key -> av */
} sc_frame_maps;

/* The state of one path: the graphs, and one frame per active call
 * (frame 0: the program's globals). */
typedef struct sc_state {
    const sc_graph **graphs;
    uint32_t ngraphs;
    sc_frame_maps *frames;
    uint32_t nframes;
    uint32_t edit;                /* transient updates of frames: see pmap.h */
    /* This path exists only because a call may have failed for a reason
     * the engine cannot decide (an unknown name, a lost count): it may be
     * infeasible, so nothing found on it is reported as sure. */
    bool tainted;
} sc_state;

typedef SC_VEC(sc_state *) sc_states;

sc_state *state_new(sc_engine *e);
/* A copy of s; both go on with fresh edit ids (they now share nodes). */
sc_state *state_clone(sc_engine *e, sc_state *s);
/* Joins b into a (same program point and call context). */
void state_join_into(sc_engine *e, sc_state *a, const sc_state *b);
/* Which states a join may merge, coarsest first.  States with different
 * open-scope depths, or one doubtful and one sure, are kept apart: */
bool state_same_depths(const sc_state *a, const sc_state *b);
/* finer: the same graph objects as well (a graph changed on one path
 * only is a new object there, copied on write, so equal pointers are
 * equal graphs) */
bool state_same_graphs(const sc_state *a, const sc_state *b);
/* finest: the same variables and facts too (maps are persistent: the
 * same root is the same content), so nothing to join */
bool state_same_path(const sc_state *a, const sc_state *b);

const sc_graph *state_graph(const sc_state *s, uint32_t id);

/* The open-scope depth of each graph of a state. */
typedef struct sc_graph_depth {
    uint32_t id;
    int depth;
} sc_graph_depth;
/* st's graphs' depths (none if st is NULL), in *n; free() the array */
sc_graph_depth *state_depths(const sc_state *st, uint32_t *n);
void state_set_graph(sc_engine *e, sc_state *s, const sc_graph *g);
sc_graph *graph_copy(sc_engine *e, const sc_graph *g);
/* what a and b both allow: the join of two paths' graphs */
const sc_graph *graph_join(sc_engine *e, const sc_graph *a,
                           const sc_graph *b);
/* From here on nobody knows what is open in graph id (a loop that leaves
 * a different number of scopes open on each turn). */
void state_forget_stack(sc_engine *e, sc_state *s, uint32_t id);
/* The same, after code that may have left scopes open (a loop opening one
 * per turn): `opened`, the enter call of one of them, is kept on the
 * unknown bottom, where a strict-mode leak can be reported. */
void state_forget_stack_from(sc_engine *e, sc_state *s, uint32_t id,
                             const sc_site *opened);
/* the same, on a graph being built (a copy not yet in any state) */
void graph_forget_stack(sc_engine *e, sc_graph *g);
/* how many scopes are open in g on every path it stands for */
int graph_open_at_least(const sc_graph *g);

/* A new frame on top (its variables unknown, no facts), and the top one
 * dropped with its variables and facts. */
void state_push_frame(sc_engine *e, sc_state *s);
void state_pop_frame(sc_state *s);

const av *state_get(const sc_state *s, uint32_t frame, uint32_t slot);

/* The variables an unknown of identity ident may be held in, on any path:
 * every (frame, slot) a value of that identity was stored in (state_set)
 * or joined into.  A superset: the caller reads each to see. */
typedef struct sc_holder {
    uint32_t frame, slot;
    const struct sc_holder *next;
} sc_holder;
const sc_holder *state_holders(const sc_engine *e, const av *ident);
/* every (frame, slot) an aggregate or a box was stored or joined into:
 * an unknown in one of its fields or elements is held there too */
const sc_holder *state_part_holders(const sc_engine *e);
void state_set(sc_engine *e, sc_state *s, uint32_t frame, uint32_t slot,
               const av *v);
/* The facts of a frame: what its tests taught (facts.h says what a key
 * and a value mean; to the state they are values, joined as values). */
const av *state_get_fact(const sc_state *s, uint32_t frame, uint64_t key);
void state_set_fact(sc_engine *e, sc_state *s, uint32_t frame, uint64_t key,
                    const av *v);

/* counts trie */
int64_t counts_get(sc_engine *e, const sc_counts *c, const char *name);
const sc_counts *counts_add(sc_engine *e, const sc_counts *c,
                            const char *name, int64_t delta);
const sc_counts *counts_close_subscopes(sc_engine *e, const sc_counts *c,
                                        const char *name);
/* the same on g's counts, in place within the call in progress */
const sc_counts *graph_counts_add(sc_engine *e, const sc_graph *g,
                                  const char *name, int64_t delta);
const sc_counts *graph_counts_close(sc_engine *e, const sc_graph *g,
                                    const char *name);
const sc_counts *counts_join(sc_engine *e, const sc_counts *a,
                             const sc_counts *b);

const sc_scope *graph_scope(const sc_graph *g, uint32_t id);
void graph_put_scope(sc_engine *e, sc_graph *g, const sc_scope *s);
/* g's maps are updated in place by the library call in progress (its
 * edit id, logged), else copied: sc_engine.tx_edit */
pmap graph_map_set(sc_engine *e, const sc_graph *g, pmap m, const void *key,
                   uint64_t hash, const void *val);
/* the counts trie changed from here on may no longer be changed in place
 * where it is now (a snapshot of it is kept) */
void graph_freeze_counts(sc_engine *e, sc_graph *g);

/* the library's objects and collections (state_lib.c) */
const sc_obj *graph_obj(const sc_graph *g, uint32_t id);
void graph_put_obj(sc_engine *e, sc_graph *g, const sc_obj *o);
/* a collection's list (GLOBAL_VARIABLES is g->vars) */
const sc_vlist *graph_coll(const sc_graph *g, const char *key);
void graph_put_coll(sc_engine *e, sc_graph *g, const char *key,
                    const sc_vlist *l);
/* variables of unknown names may have been made (havoc): a gap in every
 * list */
void graph_forget_vars(sc_engine *e, sc_graph *g);
/* joins of what state_lib.c keeps, for join_graph */
void graph_join_lib(sc_engine *e, sc_graph *g, const sc_graph *a,
                    const sc_graph *b);

#endif
