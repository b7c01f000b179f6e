/* Abstract values: what the engine knows about a C value on a path.
 *
 * A value is known exactly (an integer, a string, a handle to a graph
 * object) or unknown (AV_TOP).  Pointers to graph objects carry a
 * maybe_null flag: the call that produced them may have failed.  Values
 * are immutable and shared; the engine never mutates one in place. */
#ifndef SC_ABSVAL_H
#define SC_ABSVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "varscope.h"
#include "base.h"
#include "site.h"

#define SC_MAX_RANK VS_MAX_RANK
/* A dimension or rank nobody can know statically (not TF's None). */
#define SC_TOP_DIM INT64_MIN
#define SC_TOP_RANK (-2)
/* Dimensions the engine does not know but knows valid: >= -1 (any
 * dimension read from a shape, which may be None), >= 0 (defined). */
#define SC_DIM_VALID (INT64_MIN + 1)
#define SC_DIM_DEFINED (INT64_MIN + 2)

/* A TF shape as far as the engine knows it: the library's vs_shape, with
 * two more values: rank -1 is TF's unknown rank (None), SC_TOP_RANK means
 * the engine does not know; dims -1 are TF's None, SC_TOP_DIM unknown to
 * the engine.  A shape with neither is one the library could hold, and
 * TF's rules on it are the library's own (../../common/shapes.h). */
typedef vs_shape sc_shape;

#define SC_DT_TOP (-1)            /* dtype unknown to the engine */

/* A set of variables, by name ("w:0"), as an immutable list. */
typedef struct sc_deps {
    const char *var;
    const struct sc_deps *next;
} sc_deps;

typedef struct sc_tensor {
    const char *name;             /* "my_scope/Add:0"; NULL: unknown */
    int dtype;                    /* vs_dtype, or SC_DT_TOP */
    sc_shape shape;
    /* the variables tf.gradients reaches from this tensor through
     * floating ops (the library's walk in optimizers.c): surely these,
     * and, when deps_top, perhaps others the engine cannot name */
    const sc_deps *deps;
    bool deps_top;
} sc_tensor;

typedef struct sc_var {
    const char *name;             /* "myscope/x:0"; NULL: unknown */
    const char *full;             /* store key for get_variable vars */
    int dtype;
    sc_shape shape;
    const sc_tensor *read;
    sc_site site;                 /* where it was created */
    bool from_store;
    int trainable;                /* 1, 0, or -1: unknown */
} sc_var;

/* The graph's variables or a collection, newest first, as an immutable
 * list (tf.global_variables() is it, reversed).  A node whose var is
 * NULL is a gap: any number of variables nobody knows (a join of paths
 * that made different ones).  len counts the nodes below and this one;
 * gaps says whether there is a gap among them. */
typedef struct sc_vlist {
    const sc_var *var;
    const struct sc_vlist *next;
    uint32_t len;
    bool gaps;
} sc_vlist;

typedef enum av_kind {
    AV_TOP,
    AV_INT,
    AV_STR,       /* a string: const char * or a char buffer's content */
    AV_NULL,
    AV_GRAPH,     /* id */
    AV_TENSOR,    /* t */
    AV_VAR,       /* v */
    AV_SCOPE,     /* id of a scope object */
    AV_AGG,       /* a struct or array value: fields */
    AV_REF,       /* a pointer into a variable: frame, slot, path (mem.h) */
    AV_BOX,       /* a pointer to an immutable value (&(T){...}) */
    AV_FN,        /* a pointer to a function: one of its targets */
    AV_OBJ,       /* id of a library object the graph keeps (a layer, a
                     template, an optimizer, ...: state.h's sc_obj); 0:
                     one nobody knows */
    AV_VLIST,     /* a vs_var_list's content: l (its len and vars fields
                     read as av_field says) */
    AV_FLOAT      /* a floating constant, d: what the library's double
                     options hold.  To the rest of the engine it is an
                     unknown number (C's conversions to int are implicit
                     in the IR), except where the model reads it */
} av_kind;

/* A step of a path below a variable: a struct's field, or an array's
 * element (AV_ANY_INDEX: some element nobody knows). */
#define AV_ANY_INDEX INT64_MIN
/* the functions a pointer may hold, at most (more: unknown) */
#define AV_MAX_TARGETS 16
typedef struct av_step {
    const char *field;            /* interned; NULL: an index */
    int64_t index;
} av_step;

/* A function a pointer may hold: its name (interned), and the unit the
 * name was taken in (a static function is its unit's). */
typedef struct av_target {
    const char *name;
    const void *unit;
} av_target;

typedef struct av av;
struct av {
    av_kind kind;
    bool maybe_null;              /* pointer kinds: NULL on some paths */
    /* AV_AGG: fields not listed are zero when zero_rest ({0}, designated
     * initializers, compound literals), else unknown; AV_STR: the bytes
     * after the string's NUL are zero (a char array initialized short) */
    bool zero_rest;
    /* AV_STR: s is the known start of a char array with no NUL known
     * after it (strncpy that truncates): not a string yet */
    bool open;
    /* AV_TOP: a value code the engine cannot see defines (a global that
     * no file it reads defines): a path that reads it is doubtful */
    bool unseen;
    /* AV_STR: the bytes of the char array after the NUL that ends s, when
     * some are known (an array strtok or a NUL store cut in two), as a
     * string of the same kind; NULL: see open and zero_rest */
    const av *rest;
    /* AV_NULL, or maybe_null: the failed call it comes from, if known */
    const struct sc_site *why;
    /* An unknown integer narrowed by a branch is a new object that is
     * still the same run-time value: it keeps the first object's
     * identity here (NULL: the object itself), which facts are keyed by. */
    const av *ident;
    /* AV_TOP: a value the engine lost (a loop left after its first turns
     * widened it, a longjmp): a test on it is doubtful, unlike one on
     * an input, whose either side some run takes */
    bool lost;
    union {
        int64_t i;                /* AV_INT */
        const char *s;            /* AV_STR: interned */
        uint32_t id;              /* AV_GRAPH, AV_SCOPE, AV_OBJ */
        struct {                  /* AV_REF: frame 0 is the globals */
            uint32_t frame, slot;
            uint32_t npath;       /* the path below the variable */
            /* the pointer is to element `off` of the array at the path
             * (off_unknown: to some element), not to the path's value */
            bool elem, off_unknown;
            const av_step *path;
            int64_t off;
        };
        struct {                  /* AV_FN: the functions it may be */
            uint32_t ntargets;
            const av_target *targets;
        };
        const sc_tensor *t;       /* AV_TENSOR */
        const sc_var *v;          /* AV_VAR */
        const av *box;            /* AV_BOX */
        const sc_vlist *l;        /* AV_VLIST */
        double d;                 /* AV_FLOAT */
        struct {                  /* AV_AGG: fields by name (struct) or by
                                     index (array: names NULL) */
            uint32_t nfields;
            const char **names;
            const av **vals;
        };
        struct {                  /* AV_TOP of an integer: bounds, if known */
            int64_t lo, hi;
            bool has_lo, has_hi;
        };
    };
};

extern const av AV_TOP_VALUE, AV_NULL_VALUE;
#define av_top() (&AV_TOP_VALUE)
#define av_null() (&AV_NULL_VALUE)
const av *av_int(sc_engine *e, int64_t i);
/* an unknown integer within bounds (has_lo/has_hi false: unbounded) */
const av *av_range(sc_engine *e, bool has_lo, int64_t lo, bool has_hi,
                   int64_t hi);
const av *av_str(sc_engine *e, const char *s);   /* s interned by caller */
/* unknown, as av_top(), but one run-time value: facts can be about it */
const av *av_unknown(sc_engine *e);
/* unknown because the engine lost it (see lost): a test on it is
 * doubtful, not a choice some run makes */
const av *av_lost(sc_engine *e);
bool av_is_lost(const av *v);
/* r, computed from a and b (either may be NULL): when r is unknown and
 * a or b was lost, r is lost too (what is computed from a value the
 * engine lost is not an input either) */
const av *av_lost_from(sc_engine *e, const av *r, const av *a, const av *b);
/* the run-time value v stands for (see ident) */
const av *av_ident(const av *v);
/* v, as one more narrowing of the value `of` stands for */
const av *av_narrowed(sc_engine *e, const av *v, const av *of);
const av *av_obj(sc_engine *e, av_kind k, uint32_t id, bool maybe_null);
const av *av_tensor(sc_engine *e, const sc_tensor *t, bool maybe_null);
const av *av_var(sc_engine *e, const sc_var *v, bool maybe_null);
/* a pointer to a variable (the whole of it) */
const av *av_ref(sc_engine *e, uint32_t frame, uint32_t slot);
/* a pointer to the value at path below a variable, or (elem) to element
 * off of the array there (off_unknown: some element) */
const av *av_place(sc_engine *e, uint32_t frame, uint32_t slot,
                   uint32_t npath, const av_step *path, bool elem,
                   bool off_unknown, int64_t off);
/* a pointer to one of these functions (n >= 1) */
const av *av_fn(sc_engine *e, uint32_t n, const av_target *targets);
/* a char array's known bytes (see open, zero_rest) */
const av *av_bytes(sc_engine *e, const char *s, bool open, bool zero_rest);
const av *av_box(sc_engine *e, const av *target);
const av *av_vlist(sc_engine *e, const sc_vlist *l);
const av *av_float(sc_engine *e, double d);
const av *av_agg(sc_engine *e, uint32_t n, const char **names,
                 const av **vals, bool zero_rest);
/* The same value, possibly NULL too. */
const av *av_or_null(sc_engine *e, const av *v);
/* NULL returned by the failed call at site */
const av *av_null_from(sc_engine *e, const sc_site *site);

bool av_equal(const av *a, const av *b);
const av *av_join(sc_engine *e, const av *a, const av *b);
/* 1 true, 0 false, -1 unknown: the value as a C condition */
int av_truth(const av *v);
bool av_is_pointer(const av *v);
/* field of an aggregate (or of an unknown value) by name: its value, 0
 * when unlisted in a zero_rest aggregate, else unknown; a var list's
 * "len" (unknown past a gap) and "vars" (an array of the variables
 * before the first gap, oldest first) */
const av *av_field(sc_engine *e, const av *agg, const char *name);
const av *av_with_field(sc_engine *e, const av *agg, const char *name,
                        const av *val);
/* element i of an array value (an aggregate by index, or a char array's
 * bytes: a char), or unknown; AV_ANY_INDEX: what any element may be */
const av *av_elem(sc_engine *e, const av *arr, int64_t i);
/* the array value with element i set (NULL: past what is tracked) */
const av *av_with_elem(sc_engine *e, const av *arr, int64_t i,
                       const av *val);
/* v with every occurrence of the object `from` (inside aggregates and
 * boxes too) replaced by `to`; v itself when it holds none */
const av *av_replace(sc_engine *e, const av *v, const av *from,
                     const av *to);

/* C's operators (arith.c): op is '-', '+', '~', '!' or an IR_* binary
 * operator; the result is unknown where the engine cannot say */
const av *av_unop(sc_engine *e, int op, const av *a);
const av *av_binop(sc_engine *e, int op, const av *a, const av *b);
/* the bounds of an integer value: known exactly, within a range, or not
 * an integer (false) */
bool av_bounds(const av *v, bool *has_lo, int64_t *lo, bool *has_hi,
               int64_t *hi);
/* an integer known not to be 0: a range that starts or ends at 0 loses
 * that end */
const av *av_nonzero(sc_engine *e, const av *v);

bool shape_known(const sc_shape *s);       /* no SC_TOP anywhere */
/* a dimension unknown to the engine (SC_TOP_DIM, SC_DIM_VALID,
 * SC_DIM_DEFINED) */
static inline bool dim_top(int64_t d) { return d <= SC_DIM_DEFINED; }
/* the join of two dimensions: equal, or the least sentinel that holds
 * both */
int64_t dim_join(int64_t a, int64_t b);
bool shape_equal(const sc_shape *a, const sc_shape *b);
sc_shape shape_join(const sc_shape *a, const sc_shape *b);

/* sets of variables (tensors' deps) */
bool deps_has(const sc_deps *d, const char *var);
const sc_deps *deps_add(sc_engine *e, const sc_deps *d, const char *var);
const sc_deps *deps_union(sc_engine *e, const sc_deps *a, const sc_deps *b);
bool deps_same(const sc_deps *a, const sc_deps *b);

/* variable lists */
const sc_vlist *vlist_push(sc_engine *e, const sc_vlist *l, const sc_var *v);
/* the i-th variable, oldest first: NULL if unknown (at or past a gap) */
const sc_var *vlist_at(const sc_vlist *l, uint32_t i);
/* the variables before the first gap, counted */
uint32_t vlist_known_prefix(const sc_vlist *l);
const sc_vlist *vlist_join(sc_engine *e, const sc_vlist *a, const sc_vlist *b);
bool vlist_same(const sc_vlist *a, const sc_vlist *b);
/* two variables the same one: the same name (names are unique in a graph) */
bool var_same(const sc_var *a, const sc_var *b);

#endif
