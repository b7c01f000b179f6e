/* The model of the varscope library (TF 1.15 semantics) over abstract
 * values.  Every operation runs on a working copy of one graph and decides
 * each of the library's checks as yes / no / maybe:
 *   - a check that surely fails (with all earlier ones surely passing)
 *     reports the runtime's error and the call returns NULL;
 *   - a check that may fail splits the path: on one side the call failed
 *     (graph untouched, NULL), on the other it succeeded;
 *   - otherwise the call's effects are committed.
 * The checks run in the library's order, which is TF's (docs/tf-semantics.md §4).
 *
 * The library's calls that are built on others (layers, cells, templates,
 * optimizers) are modelled as the library writes them: on the same
 * internal operations (enter a scope by string, default name or object,
 * a name scope, get_variable, an op, exit), each of which records its
 * checks in the call's mrun; after each one, r->failed says whether the
 * call has surely failed, and then the caller stops, as the library's
 * `if (!x) return NULL;` does. */
#ifndef SC_MODEL_INT_H
#define SC_MODEL_INT_H

#include "../../common/messages.h"
#include "../../common/names.h"
#include "../../common/shapes.h"
#include "../../common/vocab.h"
#include "model.h"

enum { NO = 0, YES = 1, MAYBE = 2 };

/* for messages: a name the engine may not know */
static inline const char *shown(const char *s) { return s ? s : "?"; }

typedef struct mrun {
    sc_engine *e;
    const vs_fn_info *fn;    /* the library function called */
    sc_state *st;            /* the state before the call */
    const sc_site *site;
    sc_graph *g;             /* the working copy; NULL: graph unknown */
    bool maybe;              /* an earlier check may have failed */
    bool failed;             /* a check surely failed */
    bool certain;            /* ... and nothing before it may have */
    int code;
    const char *msg;
    sc_event ev;             /* what the error event says */
    sc_event_sites where;    /* ... and the places it names */
    int maybe_code;          /* strict mode: the first possible failure */
    uint32_t maybe_codes;    /* ... and every one (bit: 1u << code) */
    bool created;            /* an op or tf.Variable is made (for notes) */
    /* a store through an out-parameter, made only if the call succeeds
     * (.new_state = &s, .final_state = &s): the pointer and the value */
    const av *out_ptr, *out_val;
    bool no_taint;           /* a possible failure changes nothing the
                                engine tracks (the session's run): the
                                path is not split, the result may be NULL */
    uint32_t edit;           /* this call's transient edit id (pmap.h) */
    const void *edit_owner;  /* who owns it: the call, or its state */
    /* Updates in place of the state's own graph (model_call): the nodes
     * overwritten, put back when the call fails on some run (then it runs
     * again on copies) or when its working copy is dropped; NULL: the
     * call works on copies */
    pm_undo *undo;
    uint32_t undo_graph;     /* the graph those updates are of */
    sc_graph *in_place;      /* the state's own graph, changed in place */
    sc_graph saved;          /* ... and what it was */
    struct {                 /* warnings, emitted if the call succeeds */
        sc_event ev;
        sc_event_sites where;
    } pending[4];
    int npending;
} mrun;

void m_defer(mrun *r, const sc_event *ev, const sc_event_sites *where);
/* map updates of the call in progress: copied once, then in place */
#define M_SET(r, map, key, val)                                             \
    (sc_edit_check((r)->e, (r)->edit, (r)->edit_owner),                     \
     (map) = pm_set_logged(&(r)->e->arena, (map), (key), sc_strhash(key),   \
                           (val), (r)->edit, (r)->undo))

/* Records a check's outcome; true if the call surely fails here. */
bool m_check(mrun *r, int tri, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* ---- running a call (model.c) ---- */
void m_begin(mrun *r, sc_engine *e, vs_fn_id fn, sc_state *st,
             const sc_site *site);
/* the paths the call leaves, with its result, to out */
void m_finish(mrun *r, const av *res, sc_svs *out);
/* the calls of each file, by group (model.c's table) */
const av *m_scope_op(mrun *r, const av **a);
const av *m_var_op(mrun *r, const av **a);

/* ---- decoding arguments (model.c) ---- */
const av *m_graph_arg(const mrun *r, const av **a);
const av *m_name_arg(const mrun *r, const av **a);
const av *m_options_arg(mrun *r, const av **a);   /* decoded: m_options */
/* an array (old) that gets l's variables up to cap (-1: unknown) */
const av *m_write_vars(mrun *r, const av *old, const sc_vlist *l,
                       int64_t cap);
int m_null_tri(const av *v);            /* NULL: YES, NO, MAYBE */
const av *m_deref(mrun *r, const av *p);
/* element i of the array p points into (an array argument decays to a
 * pointer to its first element), or of the array value p boxes */
const av *m_array_elem(mrun *r, const av *p, int64_t i); /* what a pointer argument points at */
const av *m_field(mrun *r, const av *agg, const char *name);
const av *m_options(mrun *r, const av *p);   /* NULL: all defaults */
int64_t m_int(const av *v, bool *known);
/* a double argument or option: known (a floating or integer constant) or
 * not */
bool m_double(const av *v, double *d);
/* a flag field: NO, YES, MAYBE */
int m_flag(const av *v);
/* a string: the string, or NULL with *null set when it is a NULL
 * pointer, or NULL when unknown */
const char *m_str(mrun *r, const av *v, int *null);
int m_dtype_of(const av *v);            /* SC_DT_TOP when unknown */
sc_shape m_shape_of(mrun *r, const av *s, bool *unknown);
int64_t m_dim_of(const av *d);          /* a sentinel when unknown */
const sc_tensor *m_tensor(const av *v); /* NULL: unknown */
/* an initializer value: its kind (-1 unknown, M_INIT_INVALID) and value */
int m_init_of(mrun *r, const av *init, const av **value);
sc_init m_init_arg(mrun *r, const av *init);
/* the failed call a NULL argument comes from, for the note */
void m_why_null(mrun *r, const av *v);
/* The graph a call works on, copied to r->g; false if none (the call may
 * have failed on a NULL graph). */
bool m_use_graph(mrun *r, const av *g);
/* r->g := a working copy of gs */
sc_graph *m_copy_graph(mrun *r, const sc_graph *gs);
/* puts back what the call changed in place (model_call) */
void m_put_back(mrun *r);
/* the graph an object (scope, layer ...) of the state belongs to, as a
 * working copy in r->g; NULL: unknown */
const sc_obj *m_use_obj_graph(mrun *r, const av *o);
const sc_scope *m_scope_arg(mrun *r, const av *v);
const sc_scope *m_current_scope(mrun *r);
sc_tensor *m_new_tensor(mrun *r, const char *op, int dtype,
                        const sc_shape *shape);
extern const sc_shape m_unknown_shape;
uint32_t m_new_obj_id(mrun *r);

/* ---- names (model_names.c) ---- */
int m_invalid_scope_name(const char *prefix, const char *name);
const char *m_unique_name(mrun *r, const char *prefix, const char *name,
                          bool *renamed, sc_site *first);
const char *m_op_name(mrun *r, const char *prefix, const char *name,
                      bool *renamed, sc_site *first);
const char *m_cat(sc_engine *e, const char *a, const char *b,
                  const char *c);
const sc_tensor *m_variable_ops(mrun *r, const char *op, bool callable,
                                int dtype, const sc_shape *shape);
/* the innermost entry that set the name scope, and whether it was renamed */
const sc_entry *m_naming_entry(const sc_graph *g);
/* On success: the scope-reentered note for ops and tf.Variables */
void m_note_created(mrun *r);
/* v.op.name: "w" for "w:0"; NULL unknown */
const char *m_var_op_name(sc_engine *e, const sc_var *v);

/* ---- scopes (model_scopes.c): the library's vs__enter, vs__reenter,
 * vs__name_scope, vs__exit over abstract state ---- */
typedef struct m_enter_req {
    const char *name;        /* the name, or NULL (see name_null) */
    int name_null;           /* YES: no name (default_name), MAYBE */
    const char *dflt;        /* .default_name */
    int dflt_null;
    int bad;                 /* the properties' check (props_bad) */
    int reuse, dtype, init_kind;   /* -1 / SC_DT_TOP: unknown */
    const av *init_value;
    int no_ns;               /* auxiliary_name_scope=False */
} m_enter_req;
/* the request for vs__enter with only these set (all else default) */
m_enter_req m_enter_name(const char *name, int reuse);
m_enter_req m_enter_default(const char *dflt, int reuse);
/* NULL: the call surely failed; else the scope (its name may be unknown) */
const sc_scope *m_enter(mrun *r, const m_enter_req *q);
/* o NULL: a scope nobody knows */
const sc_scope *m_reenter(mrun *r, const sc_scope *o, int reuse, int dtype,
                          int init_kind, const av *init_value, int no_ns);
/* name_scope(name) (null: YES for NULL, MAYBE); the scope entered, NULL
 * when unknown (r->failed says whether it failed) */
const char *m_name_scope(mrun *r, const char *name, int null);
bool m_exit(mrun *r);
/* _get_unique_variable_scope; NULL when unknown */
const char *m_unique_default(mrun *r, const sc_scope *parent,
                             const char *prefix);
const char *m_join_scope(sc_engine *e, const char *parent, const char *name);
/* properties of a scope entry: reuse, dtype, initializer; their check */
int m_props_bad(mrun *r, const av *opts, int *reuse, int *dtype,
                int *init_kind, const av **init_value);
sc_scope *m_new_scope(mrun *r, const char *name, const char *orig,
                      int reuse, int dtype, int init_kind,
                      const av *init_value);

/* ---- get_variable's core (model_vars.c) ---- */
typedef struct m_req {
    const char *name;        /* NULL: unknown (name_null: NULL pointer) */
    bool name_null;
    bool shape_given;        /* .shape non-NULL (or maybe) */
    bool shape_unknown;      /* given, but the engine can't read it */
    sc_shape shape;
    int dtype;               /* 0 not given, SC_DT_TOP unknown */
    int init_kind;           /* -1 unknown */
    const av *init_value;    /* the tensor value of VS_INIT_VALUE */
    int not_trainable;       /* NO, YES, MAYBE */
    const char *collection;  /* one more collection (MODEL_VARIABLES) */
} m_req;
/* user_call: a vs_get_variable of the user's (not one a layer makes) */
const av *m_get_variable(mrun *r, const sc_scope *scope, const m_req *req,
                         bool user_call);
/* tf.Variable(value, name, dtype, trainable) in the current name scope;
 * NULL if it surely failed */
const sc_var *m_variable(mrun *r, const av *value, const char *name,
                         bool name_unknown, int dtype, int trainable);
/* the read tensor's gradient deps: the variable, if floating */
void m_read_deps(sc_engine *e, sc_tensor *t, const sc_var *v);
/* a new variable joins the graph's list and its collections */
void m_collect_new(mrun *r, const sc_var *v, const char *collection);
void m_collect(mrun *r, const char *key, const sc_var *v);

/* ---- dtypes and shapes (model_shapes.c): TF's rules, three-valued ---- */
const char *m_dtype_name(int dt);         /* "?" when unknown */
int m_dtype_or_float(int dt);
int m_dtype_invalid(int dt);
int m_dtype_floating(int dt);             /* NO, YES, MAYBE */
/* the initializer kinds the library takes are 0..M_INIT_LAST; init_of()
 * says M_INIT_INVALID for a variance scaling with a bad mode or
 * distribution */
#define M_INIT_LAST VS_INIT_VARIANCE_SCALING
#define M_INIT_INVALID (M_INIT_LAST + 1)
const char *m_shape_str(sc_engine *e, const sc_shape *s);
/* "[?,3]", as TF's C++ shape functions print it */
const char *m_shape_dims(sc_engine *e, const sc_shape *s);
/* "[None, 3]", as TensorShape.as_list() prints it */
const char *m_shape_list(sc_engine *e, const sc_shape *s);
/* a tensor as TF prints it (shape NULL: unknown), into buf */
const char *m_tensor_repr(mrun *r, const sc_tensor *t, const sc_shape *shape,
                          char *buf, size_t n);
int m_shape_problem(const sc_shape *s);   /* one the library rejects */
int m_undefined(const sc_shape *s);       /* not fully defined */
int m_incompatible(const sc_shape *a, const sc_shape *b);
/* the result's shape into *out; YES: they do not fit */
int m_broadcast(const sc_shape *a, const sc_shape *b, sc_shape *out);
/* a shape as a C value (vs_tensor_shape's): a pointer to {rank, dims} */
const av *m_shape_value(sc_engine *e, const sc_shape *s);

/* ---- ops (model_ops.c) ---- */
/* a tensor's gradient deps: those of its inputs when floating */
void m_set_deps(sc_tensor *t, sc_engine *e, const sc_tensor *const *in,
                int n);
/* an op named like an op wrapper's in the current name scope, with
 * output `op:0`; NULL when it surely failed */
sc_tensor *m_op(mrun *r, const char *type, int dtype, const sc_shape *shape,
                const sc_tensor *const *in, int n);
/* the library's internal op wrappers (no NULL checks: the caller's) */
sc_tensor *m_matmul(mrun *r, const sc_tensor *a, const sc_tensor *b,
                    const char *name);
sc_tensor *m_bias_add(mrun *r, const sc_tensor *v, const sc_tensor *b,
                      const char *name);
sc_tensor *m_elementwise(mrun *r, const char *type, const sc_tensor *a,
                         const sc_tensor *b, const char *name);
sc_tensor *m_unary(mrun *r, const char *type, const sc_tensor *x,
                   const char *name);
const sc_tensor *m_activate(mrun *r, const sc_tensor *t, int activation);
const av *m_op_call(mrun *r, const av **a);   /* the public op calls */

/* ---- layers (model_layers.c) and cells (model_rnn.c) ---- */
/* an RNN state: its tensors in nest.flatten order (NULL: unknown); n -1:
 * not even their number is known */
typedef struct m_state {
    int n;
    const sc_tensor **t;
} m_state;
typedef struct m_call {
    const sc_tensor *input;
    const m_state *state;    /* cells: the state */
    m_state *new_state;      /* cells: the new state goes here */
    int training;            /* NO, YES, MAYBE */
} m_call;
sc_layer *m_layer_new(mrun *r, sc_layer_kind kind, const char *base,
                      const char *name, int name_null, int reuse,
                      int not_trainable);
/* the layer's object, stored in the graph; its id */
uint32_t m_layer_store(mrun *r, const sc_layer *l, uint32_t id);
const sc_layer *m_layer_get(mrun *r, uint32_t id);
bool m_layer_capture_now(mrun *r, sc_layer *l);
/* Layer.__call__ on the layer stored under id; NULL if it surely failed */
const sc_tensor *m_layer_call(mrun *r, uint32_t id, const m_call *c);
const sc_var *m_add_weight(mrun *r, sc_layer *l, const char *name,
                           const sc_shape *shape, int dtype, sc_init init,
                           int trainable);
bool m_check_layer_args(mrun *r, const char *name, int name_null, int reuse,
                        int activation);
int m_layer_build(mrun *r, sc_layer *l, const m_call *c);
const sc_tensor *m_layer_body(mrun *r, const sc_layer *l, const m_call *c);
int m_cell_build(mrun *r, sc_layer *l, const m_call *c);
const sc_tensor *m_cell_body(mrun *r, const sc_layer *l, const m_call *c);
bool m_is_cell(int kind);
const av *m_layer_op(mrun *r, const av **a);  /* the public layer calls */
const av *m_rnn_op(mrun *r, const av **a);    /* the public cell calls */

/* ---- optimizers, moving averages, the global step, the session
 * (model_train.c); collections and lists (model_lists.c); templates
 * (model_template.c) ---- */
const av *m_train_op(mrun *r, const av **a);
const av *m_list_op(mrun *r, const av **a);
const av *m_template_op(mrun *r, const av **a);
/* a var list argument: the list (gaps where unknown); *unknown when the
 * engine cannot read it at all */
const sc_vlist *m_vlist_arg(mrun *r, const av *p, bool *unknown);
/* a collection's variables, oldest first as a list (newest first) */
const sc_vlist *m_collection(mrun *r, const char *key);
const sc_var *m_var_arg(const av *v);  /* NULL: unknown */
/* a var's op name read from a list node */
const av *m_vlist_value(mrun *r, const sc_vlist *l);

#endif
