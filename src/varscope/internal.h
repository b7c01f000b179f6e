/* The graph's state, modelled on TensorFlow 1.15's (see semantics.md §1):
 * one case-insensitive table of used names for ops and name scopes, the
 * current name scope, the variable store, the variable-scope counters that
 * make default names unique, and the stack of open scopes.
 *
 * Atomicity: a public call runs as a transaction.  Every change to the
 * maps and object lists is recorded in the journal first; a call that
 * fails undoes the journal, so the graph is exactly as before. */
#ifndef VS_INTERNAL_H
#define VS_INTERNAL_H

#include "varscope.h"
#include "smap.h"
#include "../common/messages.h"
#include "../common/names.h"
#include "../common/shapes.h"
#include "../common/vocab.h"

struct vs_tensor {
    const char *name;        /* "my_scope/Add:0" */
    vs_dtype dtype;
    vs_shape shape;          /* rank -1: unknown rank */
};

struct vs_var {
    const char *name;        /* "myscope/x:0" */
    vs_dtype dtype;
    vs_shape shape;
    vs_tensor *read;         /* "myscope/x/read:0", what vs_value returns */
    const char *file;        /* where it was created */
    int line;
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
    VS_LIST_COUNT
} vs_list_id;

typedef struct vs_ptrvec { void **items; size_t len, cap; } vs_ptrvec;

typedef enum vs_jkind { VS_J_INSERT, VS_J_SET, VS_J_APPEND } vs_jkind;

typedef struct vs_jrec {
    vs_jkind kind;
    vs_smap *map;
    vs_smap_node *node;
    intptr_t old;            /* VS_J_SET */
    vs_list_id list;         /* VS_J_APPEND */
} vs_jrec;

struct vs_graph {
    vs_smap names;           /* lower-cased name -> use count */
    vs_smap nodes;           /* exact op names (verbatim "name/" ops) */
    vs_smap store;           /* full variable name -> vs_var * */
    vs_smap scope_counts;    /* variable scope name -> entries; 0 = absent */
    const char *name_scope;  /* "" or "a/b/" */
    vs_scope *root;
    vs_scope *current;
    vs_entry *stack;
    size_t depth, stack_cap;
    vs_ptrvec lists[VS_LIST_COUNT];
    vs_jrec *journal;
    size_t jlen, jcap;
    vs_error_fn handler;
    void *handler_user;
    vs_code last_error;
    /* the failure of the call in progress, reported when it ends */
    vs_code pending;
    char *pending_msg;
    char pending_fallback[256];
};

/* ---- graph.c: transactions, errors, owned objects ---- */
void vs__begin(vs_graph *g);
void vs__commit(vs_graph *g);
/* Undoes the call and reports its failure; returns NULL for convenience. */
void *vs__fail_call(vs_graph *g, const char *file, int line);
/* Records the failure of the call in progress; returns NULL. */
void *vs__fail(vs_graph *g, vs_code code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void *vs__oom(vs_graph *g);
/* Reports an error for a call that has no graph to report through. */
void vs__report_nograph(vs_code code, const char *msg, const char *file,
                        int line);
void vs__report(vs_graph *g, vs_code code, const char *msg, const char *file,
                int line);

/* Journaled mutations (all return 0, or -1 after vs__oom). */
int vs__map_set(vs_graph *g, vs_smap *m, const char *key, intptr_t value);
int vs__append(vs_graph *g, vs_list_id list, void *obj);
/* A graph-owned copy of s / of a+b+c (NULL after vs__oom). */
const char *vs__intern(vs_graph *g, const char *s);
const char *vs__intern3(vs_graph *g, const char *a, const char *b,
                        const char *c);
vs_tensor *vs__new_tensor(vs_graph *g, const char *name, vs_dtype dt,
                          const vs_shape *shape);
vs_scope *vs__new_scope(vs_graph *g);
int vs__stack_reserve(vs_graph *g);

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

/* ---- format.c ---- */
/* dtypes and shapes: ../common/vocab.h, ../common/shapes.h */
bool vs__init_valid(const vs_init *init);

/* ---- variables.c: the core of tf.get_variable, used by dense too ---- */
typedef struct vs_getvar_req {
    const char *name;
    const vs_shape *shape;   /* NULL: not given */
    vs_dtype dtype;          /* DEFAULT: not given at the call */
    vs_init initializer;
} vs_getvar_req;
vs_var *vs__get_variable(vs_graph *g, const vs_scope *scope,
                         const vs_getvar_req *req, const char *file,
                         int line);

/* ---- scopes.c ---- */
/* _get_unique_variable_scope(prefix) under the current variable scope */
const char *vs__unique_default(vs_graph *g, const vs_scope *parent,
                               const char *prefix);
const char *vs__join_scope(vs_graph *g, const char *parent,
                           const char *name);
/* close_variable_subscopes(name), journaled */
int vs__close_subscopes(vs_graph *g, const char *name);

#define VS_CHECK_GRAPH(g, file, line, ret)                                   \
    do {                                                                     \
        if (!(g)) {                                                          \
            vs__report_nograph(VS_ERR_INVALID_ARGUMENT,                      \
                               VS_MSG_GRAPH_NULL, (file), (line));           \
            return ret;                                                      \
        }                                                                    \
    } while (0)

#endif
