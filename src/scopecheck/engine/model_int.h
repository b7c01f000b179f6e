/* The model of the varscope library (TF 1.15 semantics) over abstract
 * values.  Every operation runs on a working copy of one graph and decides
 * each of the library's checks as yes / no / maybe:
 *   - a check that surely fails (with all earlier ones surely passing)
 *     reports the runtime's error and the call returns NULL;
 *   - a check that may fail splits the path: on one side the call failed
 *     (graph untouched, NULL), on the other it succeeded;
 *   - otherwise the call's effects are committed.
 * The checks run in the library's order, which is TF's (semantics.md §14). */
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
    bool created;            /* an op or tf.Variable is made (for notes) */
    /* The graph's maps are updated in place in the nodes the state owns
     * (its edit id: pmap.h), each overwritten byte logged in undo, so
     * that a call that fails can put the state's graph back (run_op in
     * model.c) */
    uint32_t edit;
    const void *edit_owner;  /* the state, or this run (debug checks) */
    pm_undo undo;
    sc_graph *in_place;      /* the state's graph, changed in place ... */
    sc_graph saved;          /* ... and what it was */
    struct {                 /* warnings, emitted if the call succeeds */
        sc_event ev;
        sc_event_sites where;
    } pending[4];
    int npending;
} mrun;

void m_defer(mrun *r, const sc_event *ev, const sc_event_sites *where);
/* map updates of the call in progress: in place where the state owns
 * the nodes, logged (see mrun) */
void m_set(mrun *r, pmap *map, const char *key, const void *val);
#define M_SET(r, map, key, val) m_set((r), &(map), (key), (val))
/* no more updates in place in this call (a snapshot was taken) */
void m_freeze(mrun *r);

/* Records a check's outcome; true if the call surely fails here. */
bool m_check(mrun *r, int tri, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* names (model_names.c) */
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

/* get_variable's core, shared with dense (model_vars.c) */
typedef struct m_req {
    const char *name;        /* NULL: unknown (name_null: NULL pointer) */
    bool name_null;
    bool shape_given;        /* .shape non-NULL (or maybe) */
    bool shape_unknown;      /* given, but the engine can't read it */
    sc_shape shape;
    int dtype;               /* 0 not given, SC_DT_TOP unknown */
    int init_kind;           /* -1 unknown */
    const av *init_value;    /* the tensor value of VS_INIT_VALUE */
} m_req;
/* user_call: a vs_get_variable of the user's (not one made by dense) */
const av *m_get_variable(mrun *r, const sc_scope *scope, const m_req *req,
                         bool user_call);
/* dtypes and shapes (model_shapes.c): TF's rules, three-valued */
const char *m_dtype_name(int dt);         /* "?" when unknown */
int m_dtype_or_float(int dt);
int m_dtype_invalid(int dt);
/* the initializer kinds the library takes are 0..M_INIT_LAST; init_of()
 * says M_INIT_INVALID for a variance scaling with a bad mode or
 * distribution */
#define M_INIT_LAST VS_INIT_VARIANCE_SCALING
#define M_INIT_INVALID (M_INIT_LAST + 1)
const char *m_shape_str(sc_engine *e, const sc_shape *s);
/* a tensor as TF prints it (shape NULL: unknown), into buf */
const char *m_tensor_repr(mrun *r, const sc_tensor *t, const sc_shape *shape,
                          char *buf, size_t n);
int m_shape_problem(const sc_shape *s);   /* one the library rejects */
int m_undefined(const sc_shape *s);       /* not fully defined */
int m_incompatible(const sc_shape *a, const sc_shape *b);
/* the result's shape into *out; YES: they do not fit */
int m_broadcast(const sc_shape *a, const sc_shape *b, sc_shape *out);
int m_matmul(const sc_shape *a, const sc_shape *b, sc_shape *out);

#endif
