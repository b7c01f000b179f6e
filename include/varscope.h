/*
 * varscope: TensorFlow-1-style variable scopes and name scopes for C.
 *
 * Names, sharing rules and failures follow TensorFlow 1.15 (graph mode):
 * tf.Variable, tf.get_variable, tf.variable_scope, tf.name_scope,
 * reuse_variables(), tf.AUTO_REUSE and tf.layers.dense.
 *
 * Calls that take optional arguments are macros that accept them as
 * designated initializers after the required ones, Python-style:
 *
 *     vs_var *x = vs_get_variable(g, "x", .dtype = VS_INT32,
 *                                 .shape = VS_SHAPE(3));
 *
 * Every such macro expands to the matching *_at function, which takes the
 * required arguments, a pointer to an options struct (NULL = defaults) and
 * the caller's __FILE__ and __LINE__, so that errors point at the caller.
 *
 * A failing call returns NULL (or does nothing), leaves the graph exactly as
 * it was, and reports one error through the graph's handler.
 *
 * Everything a call returns is owned by the graph and valid until
 * vs_graph_free().  File names passed to *_at functions are stored by
 * pointer and must outlive the graph (__FILE__ always does).
 */
#ifndef VARSCOPE_H
#define VARSCOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VS_VERSION "1.0.0"

typedef struct vs_graph  vs_graph;   /* a graph; owns everything below      */
typedef struct vs_scope  vs_scope;   /* a variable scope object (VarScope)  */
typedef struct vs_tensor vs_tensor;  /* an op's output: "my_scope/Add:0"    */
typedef struct vs_var    vs_var;     /* a variable: "myscope/x:0"           */

typedef enum vs_dtype {              /* 0 = not given: float32 where a      */
    VS_DTYPE_DEFAULT = 0,            /*     default is needed               */
    VS_FLOAT32, VS_FLOAT64, VS_INT32, VS_INT64, VS_BOOL
} vs_dtype;

typedef enum vs_reuse {              /* tf.variable_scope(reuse=...)         */
    VS_REUSE_INHERIT = 0,            /* None / False: inherit from parent    */
    VS_REUSE,                        /* True                                 */
    VS_AUTO_REUSE                    /* tf.AUTO_REUSE                        */
} vs_reuse;

#define VS_MAX_RANK 8
typedef struct vs_shape { int rank; int64_t dims[VS_MAX_RANK]; } vs_shape;

/* VS_SHAPE(2, 3) is a pointer to the shape (2, 3); a dim of -1 is unknown
 * (None).  VS_SCALAR is the shape ().  A NULL shape pointer means "shape not
 * given".  Compound literals: valid until the end of the enclosing block. */
#define VS_SHAPE(...)                                                        \
    (&(const vs_shape){                                                      \
        .rank = (int)(sizeof((const int64_t[]){__VA_ARGS__}) /               \
                      sizeof(int64_t)),                                      \
        .dims = {__VA_ARGS__}})
#define VS_SCALAR (&(const vs_shape){.rank = 0})

/* ------------------------------------------------------------------------ */
/* Errors                                                                    */

typedef enum vs_code {
    VS_OK = 0,
    VS_ERR_DUPLICATE_VARIABLE,    /* "duplicate-variable"   exists, reuse off       */
    VS_ERR_MISSING_VARIABLE,      /* "missing-variable"     absent, reuse on        */
    VS_ERR_MISSING_DTYPE,         /* "missing-dtype"        non-float32, no .dtype  */
    VS_ERR_DTYPE_MISMATCH,        /* "dtype-mismatch"       other explicit dtype    */
    VS_ERR_SHAPE_MISMATCH,        /* "shape-mismatch"       incompatible shape      */
    VS_ERR_UNDEFINED_SHAPE,       /* "undefined-shape"      no fully defined shape  */
    VS_ERR_INITIALIZER_MISMATCH,  /* "initializer-mismatch" value vs dtype/shape    */
    VS_ERR_INVALID_NAME,          /* "invalid-name"         TF's name patterns      */
    VS_ERR_REUSE_WITHOUT_NAME,    /* "reuse-without-name"   reuse + default_name    */
    VS_ERR_SCOPE_UNDERFLOW,       /* "scope-underflow"      exit with nothing open  */
    VS_ERR_SCOPE_LEAK,            /* "scope-leak"           open at vs_graph_free   */
    VS_ERR_INVALID_ARGUMENT,      /* "invalid-argument"     NULL graph, bad rank... */
    VS_ERR_NO_MEMORY              /* "no-memory"                                    */
} vs_code;

typedef struct vs_error {
    vs_code code;
    const char *message;   /* valid during the handler call only */
    const char *file;
    int line;
} vs_error;

typedef void (*vs_error_fn)(const vs_error *err, void *user);

/* tf.reset_default_graph(): a new, empty graph (NULL when out of memory). */
vs_graph *vs_graph_new(void);
/* Reports each scope still open (scope-leak, innermost first, at the file
 * and line where it was entered), then frees the graph and all it owns.
 * Using the graph or anything it returned afterwards is undefined. */
void vs_graph_free(vs_graph *g);

/* NULL fn restores the default handler, which prints
 * "FILE:LINE: error: MESSAGE [CODE-NAME]" to stderr. */
void vs_set_error_handler(vs_graph *g, vs_error_fn fn, void *user);
vs_code vs_last_error(const vs_graph *g);  /* latest failure, VS_OK if none  */
const char *vs_code_name(vs_code c);       /* "duplicate-variable": rule id  */

/* ------------------------------------------------------------------------ */
/* Keyword-argument machinery (implementation detail of the macros below).   */

#define VS__HEAD(first, ...) first
#define VS__TAIL(first, ...) __VA_ARGS__
/* Every options struct ends with this member so that a call with no
 * keywords still has a non-empty initializer list in strict C11. */
#define VS__OPTS_END int vs_end_
#define VS__KW(type, ...) \
    (&(const type){VS__TAIL(__VA_ARGS__, .vs_end_ = 0)})
#define VS__REQ(...) VS__HEAD(__VA_ARGS__, 0)

/* ------------------------------------------------------------------------ */
/* Initializers                                                              */

typedef enum vs_init_kind {
    VS_INIT_NONE = 0,          /* not given: the scope's, else TF's default  */
    VS_INIT_VALUE,             /* a constant tensor: dtype and shape from it */
    VS_INIT_ZEROS,
    VS_INIT_ONES,
    VS_INIT_CONSTANT,
    VS_INIT_GLOROT_UNIFORM,
    VS_INIT_RANDOM_NORMAL
} vs_init_kind;

typedef struct vs_init {
    vs_init_kind kind;
    vs_tensor *value;          /* VS_INIT_VALUE                       */
    double a, b;               /* constant; mean and stddev           */
} vs_init;

vs_init vs_init_value(vs_tensor *t);
vs_init vs_init_zeros(void);
vs_init vs_init_ones(void);
vs_init vs_init_constant(double c);
vs_init vs_init_glorot_uniform(void);
vs_init vs_init_random_normal(double mean, double stddev);

/* ------------------------------------------------------------------------ */
/* Options structs                                                           */

typedef struct vs_op_opts {
    const char *name;          /* NULL: the op type ("Add", "Const", ...) */
    VS__OPTS_END;
} vs_op_opts;

typedef struct vs_variable_opts {
    const char *name;          /* NULL: "Variable" */
    vs_dtype dtype;
    VS__OPTS_END;
} vs_variable_opts;

typedef struct vs_get_variable_opts {
    const vs_shape *shape;     /* NULL: not given */
    vs_dtype dtype;            /* default: the scope's dtype, else float32 */
    vs_init initializer;       /* default: the scope's, else TF's default  */
    VS__OPTS_END;
} vs_get_variable_opts;

typedef struct vs_scope_opts {
    const char *default_name;  /* used when name is NULL, made unique     */
    vs_reuse reuse;
    vs_dtype dtype;
    vs_init initializer;
    bool no_name_scope;        /* auxiliary_name_scope=False              */
    VS__OPTS_END;
} vs_scope_opts;

typedef struct vs_reenter_opts {
    vs_reuse reuse;
    vs_dtype dtype;
    vs_init initializer;
    bool no_name_scope;
    VS__OPTS_END;
} vs_reenter_opts;

typedef struct vs_dense_opts {
    const char *name;          /* NULL: default name "dense", made unique */
    bool no_bias;              /* use_bias=False                          */
    VS__OPTS_END;
} vs_dense_opts;

/* ------------------------------------------------------------------------ */
/* Tensors and ops: names follow the current name scope                      */

vs_tensor *vs_constant_at(vs_graph *g, vs_dtype dt, const vs_shape *shape,
                          const void *data, const vs_op_opts *opts,
                          const char *file, int line);
vs_tensor *vs_scalar_i32_at(vs_graph *g, int32_t v, const vs_op_opts *opts,
                            const char *file, int line);
vs_tensor *vs_scalar_f32_at(vs_graph *g, float v, const vs_op_opts *opts,
                            const char *file, int line);
vs_tensor *vs_constant_i32_at(vs_graph *g, size_t n, const int32_t *v,
                              const vs_op_opts *opts, const char *file,
                              int line);
vs_tensor *vs_constant_f32_at(vs_graph *g, size_t n, const float *v,
                              const vs_op_opts *opts, const char *file,
                              int line);
vs_tensor *vs_placeholder_at(vs_graph *g, vs_dtype dt, const vs_shape *shape,
                             const vs_op_opts *opts, const char *file,
                             int line);
vs_tensor *vs_add_at(vs_graph *g, vs_tensor *a, vs_tensor *b,
                     const vs_op_opts *opts, const char *file, int line);
vs_tensor *vs_matmul_at(vs_graph *g, vs_tensor *a, vs_tensor *b,
                        const vs_op_opts *opts, const char *file, int line);

#define vs_constant(g, dt, shape, ...)                                       \
    vs_constant_at((g), (dt), (shape), VS__REQ(__VA_ARGS__),                 \
                   VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_scalar_i32(g, ...)                                                \
    vs_scalar_i32_at((g), VS__REQ(__VA_ARGS__),                              \
                     VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_scalar_f32(g, ...)                                                \
    vs_scalar_f32_at((g), VS__REQ(__VA_ARGS__),                              \
                     VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_constant_i32(g, n, ...)                                           \
    vs_constant_i32_at((g), (n), VS__REQ(__VA_ARGS__),                       \
                       VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_constant_f32(g, n, ...)                                           \
    vs_constant_f32_at((g), (n), VS__REQ(__VA_ARGS__),                       \
                       VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_placeholder(g, dt, ...)                                           \
    vs_placeholder_at((g), (dt), VS__REQ(__VA_ARGS__),                       \
                      VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_add(g, a, ...)                                                    \
    vs_add_at((g), (a), VS__REQ(__VA_ARGS__),                                \
              VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_matmul(g, a, ...)                                                 \
    vs_matmul_at((g), (a), VS__REQ(__VA_ARGS__),                             \
                 VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)

vs_tensor *vs_value(vs_var *v);      /* the variable as an input ("x/read:0") */
const char *vs_tensor_name(const vs_tensor *t);            /* "my_scope/Add:0" */
vs_dtype vs_tensor_dtype(const vs_tensor *t);
const vs_shape *vs_tensor_shape(const vs_tensor *t);  /* rank -1: unknown */

/* ------------------------------------------------------------------------ */
/* Variables                                                                 */

/* tf.Variable(initial_value, name=..., dtype=...): always creates a new
 * variable in the current name scope, renamed x_1, x_2, ... on a clash. */
vs_var *vs_variable_at(vs_graph *g, vs_tensor *initial_value,
                       const vs_variable_opts *opts, const char *file,
                       int line);
#define vs_variable(g, ...)                                                  \
    vs_variable_at((g), VS__REQ(__VA_ARGS__),                                \
                   VS__KW(vs_variable_opts, __VA_ARGS__), __FILE__, __LINE__)

/* tf.get_variable(name, shape=..., dtype=..., initializer=...): full name is
 * the variable scope's name + "/" + name; name scopes are ignored. */
vs_var *vs_get_variable_at(vs_graph *g, const char *name,
                           const vs_get_variable_opts *opts, const char *file,
                           int line);
#define vs_get_variable(g, ...)                                              \
    vs_get_variable_at((g), VS__REQ(__VA_ARGS__),                            \
                       VS__KW(vs_get_variable_opts, __VA_ARGS__), __FILE__,  \
                       __LINE__)

const char *vs_var_name(const vs_var *v);                   /* "myscope/x:0" */
vs_dtype vs_var_dtype(const vs_var *v);
const vs_shape *vs_var_shape(const vs_var *v);
/* tf.global_variables(): writes up to cap variables in creation order and
 * returns how many there are in all. */
size_t vs_graph_variables(const vs_graph *g, vs_var **out, size_t cap);
/* <tf.Variable 'myscope/x:0' shape=(3,) dtype=int32_ref>; like snprintf */
int vs_var_repr(const vs_var *v, char *buf, size_t n);
const char *vs_dtype_name(vs_dtype dt);                          /* "int32" */

/* ------------------------------------------------------------------------ */
/* Scopes                                                                    */

/* tf.variable_scope(name, default_name=..., reuse=..., dtype=...,
 * initializer=..., auxiliary_name_scope=not no_name_scope).  name may be
 * NULL when .default_name is given. */
vs_scope *vs_variable_scope_enter_at(vs_graph *g, const char *name,
                                     const vs_scope_opts *opts,
                                     const char *file, int line);
#define vs_variable_scope_enter(g, ...)                                      \
    vs_variable_scope_enter_at((g), VS__REQ(__VA_ARGS__),                    \
                               VS__KW(vs_scope_opts, __VA_ARGS__), __FILE__, \
                               __LINE__)

/* tf.variable_scope(captured_scope_object, ...) */
vs_scope *vs_variable_scope_reenter_at(vs_graph *g, vs_scope *scope,
                                       const vs_reenter_opts *opts,
                                       const char *file, int line);
#define vs_variable_scope_reenter(g, ...)                                    \
    vs_variable_scope_reenter_at((g), VS__REQ(__VA_ARGS__),                  \
                                 VS__KW(vs_reenter_opts, __VA_ARGS__),       \
                                 __FILE__, __LINE__)

/* tf.name_scope(name) as s: returns the new scope string ("my_scope_1/"), or
 * NULL on failure (then nothing was entered).  NULL or "" resets to the root
 * name scope; a name ending in "/" re-enters that scope exactly. */
const char *vs_name_scope_enter_at(vs_graph *g, const char *name,
                                   const char *file, int line);
#define vs_name_scope_enter(g, name)                                         \
    vs_name_scope_enter_at((g), (name), __FILE__, __LINE__)

/* Leaves the innermost scope entered by any of the three calls above. */
void vs_scope_exit_at(vs_graph *g, const char *file, int line);
#define vs_scope_exit(g) vs_scope_exit_at((g), __FILE__, __LINE__)

void vs_reuse_variables(vs_scope *s);        /* scope.reuse_variables()     */
vs_scope *vs_get_variable_scope(vs_graph *g); /* tf.get_variable_scope()    */
const char *vs_scope_name(const vs_scope *s);                  /* "myscope" */
const char *vs_scope_original_name_scope(const vs_scope *s);  /* "myscope/" */
vs_reuse vs_scope_reuse(const vs_scope *s);  /* effective; INHERIT = "off"  */
const char *vs_current_name_scope(const vs_graph *g);  /* "" or "a/b/"      */

/* Block forms: `with` for C.  Enter before the block, exit after it.  A
 * block form is a one-pass loop: if the enter fails the body does not run
 * and nothing is exited.  Leaving the block by return, goto or break skips
 * the exit and leaves the scope open (scopecheck reports it as scope-leak).
 * `continue` ends the pass like falling off the end of the body: in C it
 * is, by definition, a jump to the end of the loop body, so the scope is
 * exited.  g is evaluated twice. */
#define VS__CAT_(a, b) a##b
#define VS__CAT(a, b) VS__CAT_(a, b)
#define VS__ONCE VS__CAT(vs_once_, __LINE__)

#define VS_VARIABLE_SCOPE(g, ...)                                            \
    for (int VS__ONCE = vs_variable_scope_enter((g), __VA_ARGS__) != NULL;   \
         VS__ONCE; VS__ONCE = 0, vs_scope_exit(g))
#define VS_VARIABLE_SCOPE_AS(scope_var, g, ...)                              \
    for (vs_scope *scope_var = vs_variable_scope_enter((g), __VA_ARGS__);    \
         scope_var != NULL; scope_var = NULL, vs_scope_exit(g))
#define VS_VARIABLE_SCOPE_REENTER(g, ...)                                    \
    for (int VS__ONCE = vs_variable_scope_reenter((g), __VA_ARGS__) != NULL; \
         VS__ONCE; VS__ONCE = 0, vs_scope_exit(g))
#define VS_NAME_SCOPE(g, name)                                               \
    for (int VS__ONCE = vs_name_scope_enter((g), (name)) != NULL; VS__ONCE;  \
         VS__ONCE = 0, vs_scope_exit(g))

/* ------------------------------------------------------------------------ */
/* Layers                                                                    */

/* tf.layers.dense(inputs, units, name=..., use_bias=not no_bias): variable
 * scope .name, or default name "dense" made unique; "kernel" [in, units]
 * and "bias" [units] through get_variable, so reuse and sharing behave as
 * TF's; ops MatMul and BiasAdd in the layer's name scope. */
vs_tensor *vs_dense_at(vs_graph *g, vs_tensor *input, int units,
                       const vs_dense_opts *opts, const char *file, int line);
#define vs_dense(g, input, ...)                                              \
    vs_dense_at((g), (input), VS__REQ(__VA_ARGS__),                          \
                VS__KW(vs_dense_opts, __VA_ARGS__), __FILE__, __LINE__)

#ifdef __cplusplus
}
#endif
#endif /* VARSCOPE_H */
