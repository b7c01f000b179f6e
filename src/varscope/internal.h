/* The graph's state, modelled on TensorFlow 1.15's (see docs/tf-semantics.md
 * and docs/tf-semantics.md §1): one case-insensitive table of used names for ops
 * and name scopes, the current name scope, the variable store, the
 * variable-scope counters that make default names unique, the stack of
 * open scopes, the collections, and the objects TF keeps in Python
 * (layers, templates, optimizers, moving averages, sessions).
 *
 * Atomicity: a public call runs as a transaction.  Every change to the
 * maps, the object lists, the scope stack and the fields of long-lived
 * objects is recorded in the journal first; a call that fails undoes the
 * journal back to where it began, so the graph is exactly as before.
 * Transactions nest: a template's builder makes public calls inside the
 * template's call, each its own transaction, and when the template call
 * fails everything its builder did is undone too. */
#ifndef VS_INTERNAL_H
#define VS_INTERNAL_H

#include "varscope.h"
#include "smap.h"
#include "../common/messages.h"
#include "../common/names.h"
#include "../common/shapes.h"
#include "../common/vocab.h"

typedef struct vs_ptrvec { void **items; size_t len, cap; } vs_ptrvec;

/* What an op computes, for the session and for tf.gradients' question
 * "does the loss depend on this variable?". */
typedef enum vs_opkind {
    VS_OP_OPAQUE = 0,     /* named and shaped, not computed by the session */
    VS_OP_CONST,
    VS_OP_PLACEHOLDER,
    VS_OP_READ,           /* a variable's value: "<v>/read" */
    VS_OP_ADD, VS_OP_SUB, VS_OP_MUL, VS_OP_MATMUL, VS_OP_BIAS_ADD,
    VS_OP_RELU, VS_OP_SIGMOID, VS_OP_TANH, VS_OP_SQUARE, VS_OP_IDENTITY,
    VS_OP_MEAN,           /* over every axis */
    VS_OP_CONV2D,         /* NHWC input, HWIO kernel */
    VS_OP_MAXPOOL,        /* NHWC */
    VS_OP_RESHAPE,        /* to the output's shape (one unknown dim) */
    VS_OP_BATCH_NORM      /* inference: (x - mean) / sqrt(var + eps) ... */
} vs_opkind;

struct vs_tensor {
    const char *name;        /* "my_scope/Add:0" */
    vs_dtype dtype;
    vs_shape shape;          /* rank -1: unknown rank */
    /* the op that computes it */
    vs_opkind op;
    int nin;
    vs_tensor **in;          /* graph-owned array of nin inputs */
    vs_var *var;             /* VS_OP_READ */
    const void *data;        /* VS_OP_CONST: dtype-typed, graph-owned */
    int strides[2], ksize[2];
    vs_padding padding;
    double eps;              /* VS_OP_BATCH_NORM */
    int axis;                /* VS_OP_BATCH_NORM: the normalized axis */
    bool differentiable;     /* false: gradients stop here (int ops) */
    /* scratch, not graph state: a walk's visit mark, a run's value */
    unsigned long mark;
    float *value;
    vs_shape vshape;
};

struct vs_var {
    const char *name;        /* "myscope/x:0" */
    vs_dtype dtype;
    vs_shape shape;
    vs_tensor *read;         /* "myscope/x/read:0", what vs_value returns */
    const char *file;        /* where it was created */
    int line;
    bool trainable;
    vs_init init;            /* how the session initializes it */
    int64_t seed1, seed2;    /* random_seed.get_seed at creation */
    bool seeded;             /* false: (None, None), fresh numbers */
};

struct vs_scope {
    vs_graph *graph;
    const char *name;                 /* "" for the root, else "a/b" */
    const char *original_name_scope;  /* "a/b/", "a/b_1/" or "" */
    vs_reuse reuse;                   /* effective: INHERIT means off */
    vs_dtype dtype;                   /* DEFAULT: nobody set one (float32) */
    vs_init initializer;              /* NONE: TF's default */
    const char *file;
    int line;
};

typedef enum vs_entry_kind {
    VS_ENTRY_NAME_SCOPE,
    VS_ENTRY_VAR_SCOPE,      /* by string or default name */
    VS_ENTRY_VAR_REENTER     /* by captured object */
} vs_entry_kind;

typedef struct vs_entry {
    vs_entry_kind kind;
    const char *saved_name_scope;
    vs_scope *saved_scope;
    vs_scope *scope;         /* the scope object this entry pushed */
    vs_smap snapshot;        /* VAR_REENTER: scope counts after entry */
    const char *file;
    int line;
} vs_entry;

typedef enum vs_list_id {
    VS_LIST_STRINGS, VS_LIST_TENSORS, VS_LIST_VARS, VS_LIST_SCOPES,
    VS_LIST_BUFFERS,         /* plain blocks: arrays, constant data */
    VS_LIST_LAYERS, VS_LIST_TEMPLATES, VS_LIST_OPTIMIZERS, VS_LIST_EMAS,
    VS_LIST_OPS, VS_LIST_COLLECTIONS, VS_LIST_STATES, VS_LIST_SESSIONS,
    VS_LIST_COUNT
} vs_list_id;

typedef enum vs_jkind {
    VS_J_INSERT,             /* a node inserted into a map */
    VS_J_SET,                /* a node's value changed */
    VS_J_APPEND,             /* an object appended to a graph list */
    VS_J_PUSH,               /* a scope stack entry pushed */
    VS_J_POP,                /* a scope stack entry popped */
    VS_J_WRITE,              /* bytes of an object's field overwritten */
    VS_J_VEC                 /* an item pushed onto a vs_ptrvec */
} vs_jkind;

#define VS_JWRITE_MAX 16

typedef struct vs_jrec {
    vs_jkind kind;
    vs_smap *map;
    vs_smap_node *node;
    intptr_t old;            /* VS_J_SET */
    vs_list_id list;         /* VS_J_APPEND */
    /* VS_J_POP: the entry as it was, the state before the exit, and for
     * an object entry the counters it replaced (freed at commit) */
    vs_entry entry;
    const char *name_scope;
    vs_scope *current;
    vs_smap counts;
    /* VS_J_WRITE */
    void *addr;
    size_t size;
    unsigned char bytes[VS_JWRITE_MAX];
    /* VS_J_VEC */
    vs_ptrvec *vec;
} vs_jrec;

#define VS_MAX_NEST 32       /* transactions inside transactions */

struct vs_graph {
    vs_smap names;           /* lower-cased name -> use count */
    vs_smap nodes;           /* exact op names (verbatim "name/" ops) */
    vs_smap store;           /* full variable name -> vs_var * */
    vs_smap scope_counts;    /* variable scope name -> entries; 0 = absent */
    vs_smap layer_uids;      /* keras PER_GRAPH_OBJECT_NAME_UIDS */
    vs_smap collections;     /* key -> vs_collection * */
    const char *name_scope;  /* "" or "a/b/" */
    vs_scope *root;
    vs_scope *current;
    vs_entry *stack;
    size_t depth, stack_cap;
    size_t floor;            /* exits may not go below (template builder) */
    vs_ptrvec lists[VS_LIST_COUNT];
    vs_jrec *journal;
    size_t jlen, jcap;
    size_t marks[VS_MAX_NEST];  /* where each open transaction began */
    int tdepth;
    bool poisoned;           /* a field write could not be journaled */
    vs_error_fn handler;
    void *handler_user;
    vs_code last_error;
    unsigned long reported;  /* errors reported so far */
    bool has_seed;           /* tf.set_random_seed */
    int64_t seed;
    unsigned long mark_gen;  /* for walks over the op graph */
    /* the failure of the call in progress, reported when it ends */
    vs_code pending;
    char *pending_msg;
    char pending_fallback[256];
};

typedef struct vs_collection {
    const char *key;
    vs_ptrvec items;         /* vs_var * */
} vs_collection;

/* ---- graph.c: transactions, errors, owned objects ---- */
void vs__begin(vs_graph *g);
void vs__commit(vs_graph *g);
/* Undoes the call and reports its failure; returns NULL for convenience. */
void *vs__fail_call(vs_graph *g, const char *file, int line);
/* Ends the call: commits it and returns result, or, when result is NULL
 * (the call failed), undoes it, reports its failure and returns NULL. */
void *vs__end_call(vs_graph *g, void *result, const char *file, int line);
/* Undoes the call without reporting (its failure was already reported by
 * a nested call); returns NULL. */
void *vs__abort_call(vs_graph *g);
/* Records the failure of the call in progress; returns NULL. */
void *vs__fail(vs_graph *g, vs_code code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void *vs__oom(vs_graph *g);
/* Whether the call in progress has recorded a failure. */
bool vs__failed(const vs_graph *g);
/* Reports an error for a call that has no graph to report through. */
void vs__report_nograph(vs_code code, const char *msg, const char *file,
                        int line);
void vs__report(vs_graph *g, vs_code code, const char *msg, const char *file,
                int line);

/* Journaled mutations (all return 0, or -1 after vs__oom). */
int vs__map_set(vs_graph *g, vs_smap *m, const char *key, intptr_t value);
int vs__append(vs_graph *g, vs_list_id list, void *obj);
int vs__vec_push(vs_graph *g, vs_ptrvec *v, void *item);
/* The scope stack: the caller pushed g->stack[g->depth++] (after
 * vs__stack_reserve) and records it; pop leaves the innermost entry. */
int vs__journal_push(vs_graph *g);
int vs__journal_pop(vs_graph *g);
/* Overwrites n (<= VS_JWRITE_MAX) bytes at addr with src, journaled. */
int vs__write(vs_graph *g, void *addr, const void *src, size_t n);
#define VS__WRITE(g, lvalue, value)                                          \
    vs__write((g), &(lvalue), &(value), sizeof(lvalue))
/* A graph-owned copy of s / of a+b+c (NULL after vs__oom). */
const char *vs__intern(vs_graph *g, const char *s);
const char *vs__intern3(vs_graph *g, const char *a, const char *b,
                        const char *c);
const char *vs__internf(vs_graph *g, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* A graph-owned zeroed block (NULL after vs__oom). */
void *vs__calloc(vs_graph *g, size_t n);
vs_tensor *vs__new_tensor(vs_graph *g, const char *name, vs_dtype dt,
                          const vs_shape *shape);
vs_scope *vs__new_scope(vs_graph *g);
int vs__stack_reserve(vs_graph *g);
/* Allocates a zeroed object of size n and appends it to list. */
void *vs__new_object(vs_graph *g, vs_list_id list, size_t n);

/* ---- names.c: Graph.unique_name and name validation ---- */
/* Graph.name_scope(name) validation with the current nesting; records an
 * invalid-name failure when it fails. */
int vs__check_scope_name(vs_graph *g, const char *prefix, const char *name);
/* unique_name(prefix + name), marking it; NULL after vs__oom. */
const char *vs__unique_name(vs_graph *g, const char *prefix,
                            const char *name);
/* The op name an op wrapper gets: name_scope(name) then create_op(scope).
 * Handles validation, "name/" verbatim names and duplicates. */
const char *vs__op_name(vs_graph *g, const char *prefix, const char *name);
/* Marks an op name as a node of the graph. */
int vs__add_node(vs_graph *g, const char *op_name);
/* create_op's node name: fails when a node has it already or it does not
 * match TF's op name pattern, else marks it (op, or NULL). */
const char *vs__new_node(vs_graph *g, const char *op);
/* An op named like an op wrapper's in the current name scope, with one
 * output "<op>:0" (NULL after a recorded failure). */
vs_tensor *vs__op(vs_graph *g, const char *name, vs_dtype dt,
                  const vs_shape *shape);
/* Sets what t computes: kind and inputs (graph-owned copy). */
int vs__set_inputs(vs_graph *g, vs_tensor *t, vs_opkind kind, int n,
                   vs_tensor *const *in);
/* Keras' to_snake_case for class names is not needed: bases are known. */
/* keras backend.unique_object_name(base), one-based: "dense_1" */
const char *vs__unique_layer_name(vs_graph *g, const char *base);

/* ---- format.c ---- */
/* dtypes' names and classes, shapes' rules and TF's printed form:
 * ../common/vocab.h, ../common/shapes.h */
bool vs__dtype_integer(vs_dtype dt);
size_t vs__dtype_size(vs_dtype dt);
/* TF's repr: "tf.float32" */
const char *vs__dtype_repr(vs_dtype dt, char *buf, size_t n);
size_t vs__shape_elements(const vs_shape *s);   /* fully defined only */
bool vs__init_valid(const vs_init *init);
/* Tensor("x:0", shape=(?, 3), dtype=float32) */
const char *vs__tensor_repr(const vs_tensor *t, char *buf, size_t n);

/* ---- variables.c: the core of tf.get_variable, used by layers too ---- */
typedef struct vs_getvar_req {
    const char *name;
    const vs_shape *shape;   /* NULL: not given */
    vs_dtype dtype;          /* DEFAULT: not given at the call */
    vs_init initializer;
    bool not_trainable;
    const char *collection;  /* one more collection (MODEL_VARIABLES) */
} vs_getvar_req;
vs_var *vs__get_variable(vs_graph *g, const vs_scope *scope,
                         const vs_getvar_req *req, const char *file,
                         int line);
/* tf.Variable(value, name=..., trainable=...) in the current name scope. */
vs_var *vs__variable(vs_graph *g, vs_tensor *value, const char *name,
                     vs_dtype dtype, bool trainable, const char *file,
                     int line);

/* ---- scopes.c ---- */
/* _get_unique_variable_scope(prefix) under the current variable scope */
const char *vs__unique_default(vs_graph *g, const vs_scope *parent,
                               const char *prefix);
const char *vs__join_scope(vs_graph *g, const char *parent,
                           const char *name);
/* close_variable_subscopes(name), journaled */
int vs__close_subscopes(vs_graph *g, const char *name);
/* The scope calls without their transaction, for calls built on them
 * (layers enter and leave scopes as TF's Python does).  They record a
 * failure and return NULL / -1; every change is journaled. */
typedef struct vs_enter_req {
    const char *name;          /* NULL: default_name */
    const char *default_name;
    vs_reuse reuse;
    vs_dtype dtype;
    vs_init initializer;
    bool no_name_scope;
} vs_enter_req;
vs_scope *vs__enter(vs_graph *g, const vs_enter_req *req, const char *file,
                    int line);
vs_scope *vs__reenter(vs_graph *g, vs_scope *o, vs_reuse reuse,
                      bool no_name_scope, const char *file, int line);
const char *vs__name_scope(vs_graph *g, const char *name, const char *file,
                           int line);
int vs__exit(vs_graph *g);

/* ---- collections.c ---- */
#define VS__MODEL_VARIABLES "model_variables"
int vs__collect(vs_graph *g, const char *key, vs_var *v);
bool vs__in_collection(const vs_graph *g, const char *key, const vs_var *v);
size_t vs__collection_len(const vs_graph *g, const char *key);
vs_var *vs__collection_at(const vs_graph *g, const char *key, size_t i);
/* A graph-owned list of n variables (NULL after vs__oom). */
vs_var_list *vs__var_list(vs_graph *g, vs_var *const *vars, size_t n);

/* ---- random.c: seeds and initial values ---- */
/* random_seed.get_seed(op_seed) at op creation. */
void vs__get_seed(const vs_graph *g, const vs_init *init, int64_t *s1,
                  int64_t *s2, bool *seeded);
/* Fills out[n] with the initializer's values for a variable of this shape
 * (all computed in double).  0, or -1 with *why set. */
int vs__init_values(const vs_var *v, double *out, size_t n, uint64_t fresh,
                    unsigned draw, const char **why);

/* ---- math.c: what the session needs, without libm ---- */
double vs__exp(double x);
double vs__log(double x);
double vs__sqrt(double x);
double vs__tanh(double x);

/* ---- layers.c: the tf.layers base Layer ---- */
typedef enum vs_layer_kind {
    VS_LAYER_DENSE, VS_LAYER_CONV2D, VS_LAYER_BATCH_NORM,
    VS_LAYER_MAX_POOLING2D, VS_LAYER_FLATTEN, VS_LAYER_DROPOUT,
    VS_LAYER_BASIC_RNN, VS_LAYER_BASIC_LSTM, VS_LAYER_LSTM, VS_LAYER_GRU,
    VS_LAYER_MULTI_RNN
} vs_layer_kind;

#define VS_LAYER_MAX_WEIGHTS 8

struct vs_layer {
    vs_graph *graph;
    vs_layer_kind kind;
    const char *name;        /* layer.name: "dense_1", or the name given */
    const char *base_name;   /* "dense", or the name given */
    vs_scope *scope;         /* captured; NULL until the first call */
    vs_reuse reuse;          /* _reuse */
    bool trainable;
    bool built;
    vs_dtype dtype;          /* from the first input */
    int nweights;
    vs_var *weights[VS_LAYER_MAX_WEIGHTS];
    int64_t built_axis;      /* input_spec axes after build: the in dim */
    int built_rank;          /* batch norm: input_spec ndim after build */
    int spec_axis;           /* the axis of built_axis ("-1", or BN's) */
    /* configuration */
    int units;               /* dense, cells: num_units; conv: filters */
    vs_activation activation;
    bool no_bias;
    vs_init kernel_init, bias_init;
    const char *kernel_name, *bias_name;   /* contrib renames */
    const char *collection;  /* contrib: MODEL_VARIABLES */
    int ksize[2], strides[2], dilation[2];
    vs_padding padding;
    int axis;                /* batch norm, 0 = -1 */
    double epsilon, momentum, rate;
    bool no_center, no_scale;
    int num_proj;            /* LSTMCell */
    bool use_peepholes;
    /* MultiRNNCell */
    int ncells;
    vs_layer **cells;
    vs_scope *rnncell_scope; /* RNNCell.__call__'s cached scope */
};

vs_layer *vs__layer_new(vs_graph *g, vs_layer_kind kind, const char *base,
                        const char *name, vs_reuse reuse, bool not_trainable);
/* Layer.__call__ up to build and call: everything the base class does. */
typedef struct vs_call {
    vs_tensor *input;
    vs_rnn_state *state;     /* cells */
    vs_rnn_state **new_state;
    bool training;
    const char *file;
    int line;
} vs_call;
vs_tensor *vs__layer_call(vs_graph *g, vs_layer *l, const vs_call *c);
/* The functional forms: l, the layer just made for the call (NULL: making
 * it failed), applied once to input.  scope_now: the form passes
 * _scope=name (a named dense, conv2d, batch_normalization), and the scope
 * of the layer's name is entered by string and captured first. */
vs_tensor *vs__apply_new_layer(vs_graph *g, vs_layer *l, bool scope_now,
                               vs_tensor *input, bool training,
                               const char *file, int line);
/* Checks shared by the layer constructors (empty name, reuse and
 * activation values); records the failure and returns -1. */
int vs__check_layer_args(vs_graph *g, const char *name, vs_reuse reuse,
                         vs_activation act);
/* Layer.add_weight for build(). */
vs_var *vs__add_weight(vs_graph *g, vs_layer *l, const char *name,
                       const vs_shape *shape, vs_dtype dt, vs_init init,
                       bool trainable, const char *file, int line);
/* The activation op in the current name scope (NONE: t itself). */
vs_tensor *vs__activate(vs_graph *g, vs_tensor *t, vs_activation a);
/* ops.c's op wrappers without a transaction (layers build on them). */
vs_tensor *vs__matmul(vs_graph *g, vs_tensor *a, vs_tensor *b);
vs_tensor *vs__bias_add(vs_graph *g, vs_tensor *v, vs_tensor *b);
vs_tensor *vs__binary(vs_graph *g, const char *type, vs_tensor *a,
                      vs_tensor *b);   /* "Add", "Sub", "Mul" */
vs_tensor *vs__unary(vs_graph *g, const char *type, vs_opkind kind,
                     vs_tensor *x);
/* An op named `name` (an op type) with inputs, output dtype and shape. */
vs_tensor *vs__op_in(vs_graph *g, const char *name, vs_opkind kind,
                     vs_dtype dt, const vs_shape *shape, int n,
                     vs_tensor *const *in);

/* ---- per-kind build and call (dense.c, conv.c, norm.c, rnn.c) ---- */
int vs__dense_build(vs_graph *g, vs_layer *l, const vs_tensor *x,
                    const vs_call *c);
vs_tensor *vs__dense_call(vs_graph *g, vs_layer *l, vs_tensor *x);
int vs__conv_check(vs_graph *g, vs_layer *l, const vs_tensor *x);
int vs__conv_build(vs_graph *g, vs_layer *l, const vs_tensor *x,
                   const vs_call *c);
vs_tensor *vs__conv_call(vs_graph *g, vs_layer *l, vs_tensor *x);
vs_tensor *vs__pool_call(vs_graph *g, vs_layer *l, vs_tensor *x);
vs_tensor *vs__flatten_call(vs_graph *g, vs_layer *l, vs_tensor *x);
vs_tensor *vs__dropout_call(vs_graph *g, vs_layer *l, vs_tensor *x,
                            bool training);
int vs__bn_build(vs_graph *g, vs_layer *l, const vs_tensor *x,
                 const vs_call *c);
vs_tensor *vs__bn_call(vs_graph *g, vs_layer *l, vs_tensor *x,
                       bool training);
int vs__cell_build(vs_graph *g, vs_layer *l, const vs_tensor *x,
                   const vs_call *c);
vs_tensor *vs__cell_call(vs_graph *g, vs_layer *l, vs_tensor *x,
                         const vs_call *c);

/* ---- rnn.c ---- */
struct vs_rnn_state {
    int n;
    vs_tensor **t;           /* flattened: (c, h) per LSTM cell */
};
int vs__state_size(const vs_layer *cell);   /* tensors in its state */

/* ---- templates ---- */
struct vs_template {
    vs_graph *graph;
    const char *name;
    const char *unique_name;
    vs_template_fn fn;
    void *user;
    vs_scope *scope;         /* _variable_scope */
    bool first_call;         /* no call has completed yet */
    bool variables_created;
};

/* ---- optimizers.c, ema.c ---- */
typedef enum vs_opt_kind {
    VS_OPT_GRADIENT_DESCENT, VS_OPT_MOMENTUM, VS_OPT_ADAM, VS_OPT_RMSPROP,
    VS_OPT_ADAGRAD
} vs_opt_kind;

typedef struct vs_slot {
    const char *slot_name;   /* "m" */
    const vs_var *primary;
    const vs_tensor *primary_tensor;   /* an EMA of a tensor: primary NULL */
    bool zero_debias;                  /* its updates debias (tensors)   */
    vs_var *slot;
} vs_slot;

struct vs_optimizer {
    vs_graph *graph;
    vs_opt_kind kind;
    const char *name;        /* "Adam" */
    double learning_rate, beta1, beta2, epsilon, decay, momentum,
        initial_accumulator_value;
    bool centered, use_nesterov;
    vs_ptrvec slots;         /* vs_slot * */
    vs_var *beta1_power, *beta2_power;
};

struct vs_ema {
    vs_graph *graph;
    const char *name;        /* "ExponentialMovingAverage" */
    double decay;
    bool zero_debias;
    vs_ptrvec averages;      /* vs_slot *: primary -> average */
};

/* slot_creator.create_slot / create_zeros_slot ("" under the scope
 * variable_scope(None, default_name=primary + "/" + name)) */
vs_var *vs__create_slot(vs_graph *g, const vs_var *primary,
                        const char *name, vs_init init, vs_tensor *value,
                        const char *file, int line);

typedef enum vs_op_type { VS_OPT_INIT, VS_OPT_TRAIN, VS_OPT_EMA } vs_op_type;

struct vs_op {
    const char *name;        /* "init", "Adam" */
    vs_op_type type;
    vs_var_list *vars;       /* VS_OPT_INIT: the variables it initializes */
};
/* An op object of the graph (a train step, an initializer, an EMA's
 * update) named name. */
vs_op *vs__new_op(vs_graph *g, const char *name, vs_op_type type);

/* ---- session.c ---- */
typedef struct vs_varval {
    const vs_var *var;
    float *data;             /* float32 variables */
    size_t size;
    unsigned draws;          /* initializations before this one */
} vs_varval;

struct vs_session {
    vs_graph *graph;
    vs_ptrvec values;        /* vs_varval *: initialized variables */
    vs_ndarray result;       /* the last fetch */
    float *result_data;
    uint64_t runs;
};
void vs__session_free(vs_session *s);

#define VS_CHECK_GRAPH(g, file, line, ret)                                   \
    do {                                                                     \
        if (!(g)) {                                                          \
            vs__report_nograph(VS_ERR_INVALID_ARGUMENT,                      \
                               VS_MSG_GRAPH_NULL, (file), (line));           \
            return ret;                                                      \
        }                                                                    \
    } while (0)

#endif
