/*
 * varscope: TensorFlow-1-style variable scopes and name scopes for C.
 *
 * Names, sharing rules and failures follow TensorFlow 1.15 (graph mode):
 * tf.Variable, tf.get_variable, tf.variable_scope, tf.name_scope,
 * reuse_variables(), tf.AUTO_REUSE, tf.layers (dense, conv2d,
 * batch_normalization, max_pooling2d, flatten, dropout, as functions and as
 * layer objects), tf.contrib.layers.fully_connected, the RNN cells and
 * tf.nn.dynamic_rnn, tf.make_template, the optimizers' slots, moving
 * averages, collections, and a session that computes float32 graphs.
 * docs/varscope.md lists every call with the TF call it mirrors.
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
typedef struct vs_op     vs_op;      /* an op without outputs: "init", "Adam" */
typedef struct vs_layer  vs_layer;   /* a tf.layers layer or an RNN cell    */
typedef struct vs_template vs_template;   /* tf.make_template's result     */
typedef struct vs_optimizer vs_optimizer; /* a tf.train optimizer          */
typedef struct vs_ema    vs_ema;     /* tf.train.ExponentialMovingAverage   */
typedef struct vs_rnn_state vs_rnn_state; /* an RNN cell's state (a tuple) */
typedef struct vs_session vs_session;     /* tf.Session                    */

typedef enum vs_dtype {              /* 0 = not given: float32 where a      */
    VS_DTYPE_DEFAULT = 0,            /*     default is needed               */
    VS_FLOAT32, VS_FLOAT64, VS_INT32, VS_INT64, VS_BOOL,
    VS_FLOAT16, VS_INT8, VS_INT16, VS_UINT8
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
    VS_INIT_RANDOM_NORMAL,
    VS_INIT_TRUNCATED_NORMAL,
    VS_INIT_RANDOM_UNIFORM,
    VS_INIT_GLOROT_NORMAL,
    VS_INIT_VARIANCE_SCALING
} vs_init_kind;

typedef enum vs_fan_mode {     /* VarianceScaling(mode=...)               */
    VS_FAN_IN = 0, VS_FAN_OUT, VS_FAN_AVG
} vs_fan_mode;

typedef enum vs_distribution { /* VarianceScaling(distribution=...)       */
    VS_DIST_TRUNCATED_NORMAL = 0, VS_DIST_UNTRUNCATED_NORMAL, VS_DIST_UNIFORM
} vs_distribution;

typedef struct vs_init {
    vs_init_kind kind;
    vs_tensor *value;          /* VS_INIT_VALUE                       */
    double a, b;               /* constant; mean and stddev; minval and
                                  maxval; variance scaling: scale     */
    vs_fan_mode mode;          /* VS_INIT_VARIANCE_SCALING            */
    vs_distribution distribution;
    bool seeded;               /* an op-level seed was given          */
    int64_t seed;
} vs_init;

vs_init vs_init_value(vs_tensor *t);
vs_init vs_init_zeros(void);
vs_init vs_init_ones(void);
vs_init vs_init_constant(double c);
vs_init vs_init_glorot_uniform(void);
vs_init vs_init_random_normal(double mean, double stddev);
/* tf.truncated_normal_initializer(mean, stddev): redrawn beyond 2 stddev */
vs_init vs_init_truncated_normal(double mean, double stddev);
vs_init vs_init_random_uniform(double minval, double maxval);
vs_init vs_init_glorot_normal(void);      /* tf.glorot_normal_initializer  */
/* tf.variance_scaling_initializer(scale, mode, distribution) */
vs_init vs_init_variance_scaling(double scale, vs_fan_mode mode,
                                 vs_distribution distribution);
vs_init vs_init_he_normal(void);    /* scale 2, fan_in, truncated normal */
vs_init vs_init_he_uniform(void);   /* scale 2, fan_in, uniform          */
/* The same initializer with an op-level seed (initializer(seed=...)). */
vs_init vs_init_seed(vs_init init, int64_t seed);
/* tf.set_random_seed(seed): the graph-level seed.  Initializers created
 * afterwards draw repeatable numbers: (seed, op seed or the graph's op
 * count), as random_seed.get_seed does. */
void vs_set_random_seed(vs_graph *g, int64_t seed);

/* ------------------------------------------------------------------------ */
/* Options structs                                                           */

typedef struct vs_op_opts {
    const char *name;          /* NULL: the op type ("Add", "Const", ...) */
    VS__OPTS_END;
} vs_op_opts;

typedef struct vs_variable_opts {
    const char *name;          /* NULL: "Variable" */
    vs_dtype dtype;
    bool not_trainable;        /* trainable=False                         */
    VS__OPTS_END;
} vs_variable_opts;

typedef struct vs_get_variable_opts {
    const vs_shape *shape;     /* NULL: not given */
    vs_dtype dtype;            /* default: the scope's dtype, else float32 */
    vs_init initializer;       /* default: the scope's, else TF's default  */
    bool not_trainable;        /* trainable=False                         */
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

typedef enum vs_activation {  /* activation=... (tf.nn.relu, ...)       */
    VS_ACT_DEFAULT = 0,        /* the call's default (mostly none)       */
    VS_ACT_NONE,               /* linear                                 */
    VS_ACT_RELU, VS_ACT_SIGMOID, VS_ACT_TANH
} vs_activation;

typedef struct vs_dense_opts {
    const char *name;          /* NULL: default name "dense", made unique */
    bool no_bias;              /* use_bias=False                          */
    vs_activation activation;  /* default: none                           */
    vs_reuse reuse;            /* reuse=                                  */
    bool not_trainable;        /* trainable=False                         */
    vs_init kernel_initializer;  /* default: the scope's, else glorot     */
    vs_init bias_initializer;    /* default: zeros                        */
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

/* ------------------------------------------------------------------------ */
/* More ops (math_ops, nn_ops): names follow the current name scope          */

vs_tensor *vs_bias_add_at(vs_graph *g, vs_tensor *value, vs_tensor *bias,
                          const vs_op_opts *opts, const char *file, int line);
vs_tensor *vs_subtract_at(vs_graph *g, vs_tensor *a, vs_tensor *b,
                          const vs_op_opts *opts, const char *file, int line);
vs_tensor *vs_multiply_at(vs_graph *g, vs_tensor *a, vs_tensor *b,
                          const vs_op_opts *opts, const char *file, int line);
vs_tensor *vs_relu_at(vs_graph *g, vs_tensor *x, const vs_op_opts *opts,
                      const char *file, int line);
vs_tensor *vs_sigmoid_at(vs_graph *g, vs_tensor *x, const vs_op_opts *opts,
                         const char *file, int line);
vs_tensor *vs_tanh_at(vs_graph *g, vs_tensor *x, const vs_op_opts *opts,
                      const char *file, int line);
vs_tensor *vs_square_at(vs_graph *g, vs_tensor *x, const vs_op_opts *opts,
                        const char *file, int line);
vs_tensor *vs_reduce_mean_at(vs_graph *g, vs_tensor *x,
                             const vs_op_opts *opts, const char *file,
                             int line);

#define vs_bias_add(g, value, ...)                                           \
    vs_bias_add_at((g), (value), VS__REQ(__VA_ARGS__),                       \
                   VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_subtract(g, a, ...)                                               \
    vs_subtract_at((g), (a), VS__REQ(__VA_ARGS__),                           \
                   VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_multiply(g, a, ...)                                               \
    vs_multiply_at((g), (a), VS__REQ(__VA_ARGS__),                           \
                   VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_relu(g, ...)                                                      \
    vs_relu_at((g), VS__REQ(__VA_ARGS__), VS__KW(vs_op_opts, __VA_ARGS__),   \
               __FILE__, __LINE__)
#define vs_sigmoid(g, ...)                                                   \
    vs_sigmoid_at((g), VS__REQ(__VA_ARGS__),                                 \
                  VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_tanh(g, ...)                                                      \
    vs_tanh_at((g), VS__REQ(__VA_ARGS__), VS__KW(vs_op_opts, __VA_ARGS__),   \
               __FILE__, __LINE__)
#define vs_square(g, ...)                                                    \
    vs_square_at((g), VS__REQ(__VA_ARGS__),                                  \
                 VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_reduce_mean(g, ...)                                               \
    vs_reduce_mean_at((g), VS__REQ(__VA_ARGS__),                             \
                      VS__KW(vs_op_opts, __VA_ARGS__), __FILE__, __LINE__)

const char *vs_op_name(const vs_op *op);                     /* "Adam" */

/* ------------------------------------------------------------------------ */
/* Collections                                                               */

/* tf.GraphKeys: the collections the library fills */
#define VS_GLOBAL_VARIABLES "variables"             /* every variable     */
#define VS_TRAINABLE_VARIABLES "trainable_variables"
#define VS_MODEL_VARIABLES "model_variables"        /* contrib layers     */
#define VS_MOVING_AVERAGE_VARIABLES "moving_average_variables"
#define VS_GLOBAL_STEP "global_step"

/* A list of variables, owned by the graph. */
typedef struct vs_var_list {
    size_t len;
    vs_var *const *vars;
} vs_var_list;

typedef struct vs_collection_opts {
    /* Python regular expression, matched at the start of each name with
     * re.match (here: POSIX extended syntax, anchored at the start) */
    const char *scope;
    VS__OPTS_END;
} vs_collection_opts;

/* tf.get_collection(key, scope=...): the collection's variables in the
 * order they were added (a new list: an unknown key gives an empty one). */
const vs_var_list *vs_get_collection_at(vs_graph *g, const char *key,
                                        const vs_collection_opts *opts,
                                        const char *file, int line);
#define vs_get_collection(g, ...)                                            \
    vs_get_collection_at((g), VS__REQ(__VA_ARGS__),                          \
                         VS__KW(vs_collection_opts, __VA_ARGS__), __FILE__,  \
                         __LINE__)
/* tf.add_to_collection(key, var); returns var, NULL on failure. */
vs_var *vs_add_to_collection_at(vs_graph *g, const char *key, vs_var *var,
                                const char *file, int line);
#define vs_add_to_collection(g, key, var)                                    \
    vs_add_to_collection_at((g), (key), (var), __FILE__, __LINE__)
bool vs_var_trainable(const vs_var *v);

/* ------------------------------------------------------------------------ */
/* Layers: tf.layers, functional and as objects                              */

typedef enum vs_padding { VS_VALID = 0, VS_SAME } vs_padding;

typedef struct vs_conv2d_opts {
    const char *name;          /* NULL: default name "conv2d", made unique */
    int strides[2];            /* 0: 1                                    */
    vs_padding padding;        /* 'valid' (TF's default) or 'same'        */
    int dilation_rate[2];      /* 0: 1                                    */
    vs_activation activation;  /* default: none                           */
    bool no_bias;              /* use_bias=False                          */
    vs_reuse reuse;
    bool not_trainable;
    vs_init kernel_initializer;  /* default: the scope's, else glorot     */
    vs_init bias_initializer;    /* default: zeros                        */
    VS__OPTS_END;
} vs_conv2d_opts;

typedef struct vs_batch_norm_opts {
    const char *name;          /* NULL: "batch_normalization", unique     */
    int axis;                  /* 0: -1 (TF's axis 0 cannot be asked)     */
    double momentum;           /* 0: 0.99                                 */
    double epsilon;            /* 0: 0.001                                */
    bool no_center;            /* center=False: no beta                   */
    bool no_scale;             /* scale=False: no gamma                   */
    bool training;             /* training=True (functional form)         */
    vs_reuse reuse;
    bool not_trainable;
    VS__OPTS_END;
} vs_batch_norm_opts;

typedef struct vs_pool_opts {
    const char *name;          /* NULL: "max_pooling2d", made unique      */
    int strides[2];            /* 0: the pool size                        */
    vs_padding padding;
    VS__OPTS_END;
} vs_pool_opts;

typedef struct vs_layer_opts {   /* flatten, dropout */
    const char *name;          /* NULL: "flatten" / "dropout", unique     */
    bool training;             /* dropout: training=True                  */
    bool seeded;               /* dropout: seed= given                    */
    int64_t seed;
    VS__OPTS_END;
} vs_layer_opts;

typedef struct vs_apply_opts {
    bool training;             /* layer(x, training=True)                 */
    VS__OPTS_END;
} vs_apply_opts;

/* Layer objects: tf.layers.Dense(units, ...) etc.  The object is built on
 * its first call (its variable scope is captured there, default name made
 * unique); every later call shares its variables, with no reuse flag. */
vs_layer *vs_dense_layer_at(vs_graph *g, int units, const vs_dense_opts *opts,
                            const char *file, int line);
vs_layer *vs_conv2d_layer_at(vs_graph *g, int filters, int kernel_h,
                             int kernel_w, const vs_conv2d_opts *opts,
                             const char *file, int line);
vs_layer *vs_batch_norm_layer_at(vs_graph *g, const vs_batch_norm_opts *opts,
                                 const char *file, int line);
vs_layer *vs_max_pooling2d_layer_at(vs_graph *g, int pool_h, int pool_w,
                                    const vs_pool_opts *opts,
                                    const char *file, int line);
vs_layer *vs_flatten_layer_at(vs_graph *g, const vs_layer_opts *opts,
                              const char *file, int line);
vs_layer *vs_dropout_layer_at(vs_graph *g, double rate,
                              const vs_layer_opts *opts, const char *file,
                              int line);
/* layer(inputs) / layer.apply(inputs, training=...) */
vs_tensor *vs_layer_apply_at(vs_graph *g, vs_layer *layer, vs_tensor *input,
                             const vs_apply_opts *opts, const char *file,
                             int line);

#define vs_dense_layer(g, ...)                                               \
    vs_dense_layer_at((g), VS__REQ(__VA_ARGS__),                             \
                      VS__KW(vs_dense_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_conv2d_layer(g, filters, kernel_h, ...)                           \
    vs_conv2d_layer_at((g), (filters), (kernel_h), VS__REQ(__VA_ARGS__),     \
                       VS__KW(vs_conv2d_opts, __VA_ARGS__), __FILE__,        \
                       __LINE__)
#define vs_batch_norm_layer(...)          /* (g, keywords...) */          \
    vs_batch_norm_layer_at(VS__REQ(__VA_ARGS__),                             \
                           VS__KW(vs_batch_norm_opts, __VA_ARGS__),          \
                           __FILE__, __LINE__)
#define vs_max_pooling2d_layer(g, pool_h, ...)                               \
    vs_max_pooling2d_layer_at((g), (pool_h), VS__REQ(__VA_ARGS__),           \
                              VS__KW(vs_pool_opts, __VA_ARGS__), __FILE__,   \
                              __LINE__)
#define vs_flatten_layer(...)             /* (g, keywords...) */          \
    vs_flatten_layer_at(VS__REQ(__VA_ARGS__),                                \
                        VS__KW(vs_layer_opts, __VA_ARGS__), __FILE__,        \
                        __LINE__)
#define vs_dropout_layer(g, ...)                                             \
    vs_dropout_layer_at((g), VS__REQ(__VA_ARGS__),                           \
                        VS__KW(vs_layer_opts, __VA_ARGS__), __FILE__,        \
                        __LINE__)
#define vs_layer_apply(g, layer, ...)                                        \
    vs_layer_apply_at((g), (layer), VS__REQ(__VA_ARGS__),                    \
                      VS__KW(vs_apply_opts, __VA_ARGS__), __FILE__, __LINE__)

/* Functional forms: tf.layers.conv2d(inputs, filters, kernel_size, ...)
 * etc.  Like tf.layers.dense, conv2d and batch_normalization with a .name
 * capture the variable scope of that name as the layer is made (string
 * entry: calling twice needs reuse); without one the default name is made
 * unique.  max_pooling2d, flatten and dropout have no variables. */
vs_tensor *vs_conv2d_at(vs_graph *g, vs_tensor *input, int filters,
                        int kernel_h, int kernel_w, const vs_conv2d_opts *opts,
                        const char *file, int line);
vs_tensor *vs_batch_normalization_at(vs_graph *g, vs_tensor *input,
                                     const vs_batch_norm_opts *opts,
                                     const char *file, int line);
vs_tensor *vs_max_pooling2d_at(vs_graph *g, vs_tensor *input, int pool_h,
                               int pool_w, const vs_pool_opts *opts,
                               const char *file, int line);
vs_tensor *vs_flatten_at(vs_graph *g, vs_tensor *input,
                         const vs_layer_opts *opts, const char *file,
                         int line);
vs_tensor *vs_dropout_at(vs_graph *g, vs_tensor *input, double rate,
                         const vs_layer_opts *opts, const char *file,
                         int line);

#define vs_conv2d(g, input, filters, kernel_h, ...)                          \
    vs_conv2d_at((g), (input), (filters), (kernel_h), VS__REQ(__VA_ARGS__),  \
                 VS__KW(vs_conv2d_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_batch_normalization(g, ...)                                       \
    vs_batch_normalization_at((g), VS__REQ(__VA_ARGS__),                     \
                              VS__KW(vs_batch_norm_opts, __VA_ARGS__),       \
                              __FILE__, __LINE__)
#define vs_max_pooling2d(g, input, pool_h, ...)                              \
    vs_max_pooling2d_at((g), (input), (pool_h), VS__REQ(__VA_ARGS__),        \
                        VS__KW(vs_pool_opts, __VA_ARGS__), __FILE__,         \
                        __LINE__)
#define vs_flatten(g, ...)                                                   \
    vs_flatten_at((g), VS__REQ(__VA_ARGS__),                                 \
                  VS__KW(vs_layer_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_dropout(g, input, ...)                                            \
    vs_dropout_at((g), (input), VS__REQ(__VA_ARGS__),                        \
                  VS__KW(vs_layer_opts, __VA_ARGS__), __FILE__, __LINE__)

const char *vs_layer_name(const vs_layer *l);   /* layer.name: "dense_1"   */
/* The captured variable scope (layer.scope_name), NULL before the first
 * call of a layer whose scope is chosen then. */
vs_scope *vs_layer_scope(const vs_layer *l);
/* layer.variables: trainable weights, then the others; like
 * vs_graph_variables, writes up to cap and returns how many there are. */
size_t vs_layer_variables(const vs_layer *l, vs_var **out, size_t cap);

/* tf.contrib.layers.fully_connected(inputs, num_outputs, ...):
 * variable_scope(.scope, default_name "fully_connected", reuse=.reuse);
 * variables "weights" and "biases" (also in MODEL_VARIABLES); relu by
 * default. */
typedef struct vs_fully_connected_opts {
    const char *scope;         /* NULL: "fully_connected", made unique    */
    vs_reuse reuse;            /* needs .scope, as TF                     */
    vs_activation activation;  /* default: relu (VS_ACT_NONE: None)       */
    bool not_trainable;
    vs_init weights_initializer;  /* default: xavier (glorot uniform)     */
    vs_init biases_initializer;   /* default: zeros                       */
    bool no_biases;               /* biases_initializer=None              */
    VS__OPTS_END;
} vs_fully_connected_opts;

vs_tensor *vs_fully_connected_at(vs_graph *g, vs_tensor *input,
                                 int num_outputs,
                                 const vs_fully_connected_opts *opts,
                                 const char *file, int line);
#define vs_fully_connected(g, input, ...)                                    \
    vs_fully_connected_at((g), (input), VS__REQ(__VA_ARGS__),                \
                          VS__KW(vs_fully_connected_opts, __VA_ARGS__),      \
                          __FILE__, __LINE__)

/* ------------------------------------------------------------------------ */
/* RNN cells and tf.nn.dynamic_rnn (rnn_cell_impl.py, rnn.py)                */

typedef struct vs_cell_opts {
    const char *name;          /* NULL: "basic_lstm_cell" etc., unique    */
    vs_reuse reuse;            /* reuse= of the cell                      */
    vs_activation activation;  /* default (and VS_ACT_NONE): tanh         */
    bool not_trainable;
    vs_init initializer;       /* the kernels' initializer= (LSTMCell's)  */
    bool use_peepholes;        /* LSTMCell                                */
    int num_proj;              /* LSTMCell: 0 = None                      */
    VS__OPTS_END;
} vs_cell_opts;

/* Cells are layers (LayerRNNCell): built on the first call, shared by
 * every later call of the same object. */
vs_layer *vs_basic_rnn_cell_at(vs_graph *g, int num_units,
                               const vs_cell_opts *opts, const char *file,
                               int line);
vs_layer *vs_basic_lstm_cell_at(vs_graph *g, int num_units,
                                const vs_cell_opts *opts, const char *file,
                                int line);
vs_layer *vs_lstm_cell_at(vs_graph *g, int num_units,
                          const vs_cell_opts *opts, const char *file,
                          int line);
vs_layer *vs_gru_cell_at(vs_graph *g, int num_units,
                         const vs_cell_opts *opts, const char *file,
                         int line);
/* MultiRNNCell(cells): cell i runs under variable_scope("cell_%d" % i) */
vs_layer *vs_multi_rnn_cell_at(vs_graph *g, vs_layer *const *cells,
                               size_t ncells, const vs_cell_opts *opts,
                               const char *file, int line);

#define vs_basic_rnn_cell(g, ...)                                            \
    vs_basic_rnn_cell_at((g), VS__REQ(__VA_ARGS__),                          \
                         VS__KW(vs_cell_opts, __VA_ARGS__), __FILE__,        \
                         __LINE__)
#define vs_basic_lstm_cell(g, ...)                                           \
    vs_basic_lstm_cell_at((g), VS__REQ(__VA_ARGS__),                         \
                          VS__KW(vs_cell_opts, __VA_ARGS__), __FILE__,       \
                          __LINE__)
#define vs_lstm_cell(g, ...)                                                 \
    vs_lstm_cell_at((g), VS__REQ(__VA_ARGS__),                               \
                    VS__KW(vs_cell_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_gru_cell(g, ...)                                                  \
    vs_gru_cell_at((g), VS__REQ(__VA_ARGS__),                                \
                   VS__KW(vs_cell_opts, __VA_ARGS__), __FILE__, __LINE__)
#define vs_multi_rnn_cell(g, cells, ...)                                     \
    vs_multi_rnn_cell_at((g), (cells), VS__REQ(__VA_ARGS__),                 \
                         VS__KW(vs_cell_opts, __VA_ARGS__), __FILE__,        \
                         __LINE__)

/* cell.zero_state(batch_size, dtype); batch_size -1: unknown. */
vs_rnn_state *vs_rnn_zero_state_at(vs_graph *g, vs_layer *cell,
                                   int64_t batch_size, vs_dtype dtype,
                                   const char *file, int line);
#define vs_rnn_zero_state(g, cell, batch_size, dtype)                        \
    vs_rnn_zero_state_at((g), (cell), (batch_size), (dtype), __FILE__,      \
                         __LINE__)

typedef struct vs_cell_call_opts {
    vs_rnn_state **new_state;  /* where to put the new state (optional)   */
    VS__OPTS_END;
} vs_cell_call_opts;

/* output, new_state = cell(inputs, state) */
vs_tensor *vs_rnn_cell_call_at(vs_graph *g, vs_layer *cell, vs_tensor *input,
                               vs_rnn_state *state,
                               const vs_cell_call_opts *opts,
                               const char *file, int line);
#define vs_rnn_cell_call(g, cell, input, ...)                                \
    vs_rnn_cell_call_at((g), (cell), (input), VS__REQ(__VA_ARGS__),          \
                        VS__KW(vs_cell_call_opts, __VA_ARGS__), __FILE__,    \
                        __LINE__)

typedef struct vs_dynamic_rnn_opts {
    vs_rnn_state *initial_state;
    vs_dtype dtype;            /* needed when there is no initial state   */
    bool time_major;
    const char *scope;         /* NULL: "rnn" (entered by string)         */
    vs_rnn_state **final_state;  /* where to put the final state          */
    VS__OPTS_END;
} vs_dynamic_rnn_opts;

/* outputs, state = tf.nn.dynamic_rnn(cell, inputs, ...) */
vs_tensor *vs_dynamic_rnn_at(vs_graph *g, vs_layer *cell, vs_tensor *inputs,
                             const vs_dynamic_rnn_opts *opts,
                             const char *file, int line);
#define vs_dynamic_rnn(g, cell, ...)                                         \
    vs_dynamic_rnn_at((g), (cell), VS__REQ(__VA_ARGS__),                     \
                      VS__KW(vs_dynamic_rnn_opts, __VA_ARGS__), __FILE__,    \
                      __LINE__)

/* The state's tensors in nest.flatten order: (c, h) for LSTM cells, one
 * tuple after the other for MultiRNNCell. */
size_t vs_rnn_state_size(const vs_rnn_state *s);
vs_tensor *vs_rnn_state_tensor(const vs_rnn_state *s, size_t i);

/* ------------------------------------------------------------------------ */
/* tf.make_template                                                          */

/* The builder: func_(inputs) with its user argument. */
typedef vs_tensor *(*vs_template_fn)(vs_graph *g, vs_tensor *input,
                                     void *user);

typedef struct vs_template_opts {
    bool create_scope_now;     /* create_scope_now_=True                  */
    const char *unique_name;   /* unique_name_=: not made unique          */
    VS__OPTS_END;
} vs_template_opts;

/* tf.make_template(name_, func_): the first call creates the variables
 * under a unique scope ("scale", "scale_1"), later calls share them. */
vs_template *vs_make_template_at(vs_graph *g, const char *name,
                                 vs_template_fn fn, void *user,
                                 const vs_template_opts *opts,
                                 const char *file, int line);
#define vs_make_template(g, name, fn, ...)                                   \
    vs_make_template_at((g), (name), (fn), VS__REQ(__VA_ARGS__),             \
                        VS__KW(vs_template_opts, __VA_ARGS__), __FILE__,     \
                        __LINE__)
/* template(inputs): runs the builder inside the template's scope.  NULL
 * when the builder returns NULL or breaks a rule; then nothing the call
 * (builder included) did stays.  The builder may not exit scopes it did
 * not enter, and must exit those it did. */
vs_tensor *vs_template_call_at(vs_graph *g, vs_template *t, vs_tensor *input,
                               const char *file, int line);
#define vs_template_call(g, t, input)                                        \
    vs_template_call_at((g), (t), (input), __FILE__, __LINE__)
vs_scope *vs_template_scope(const vs_template *t);  /* NULL until chosen */

/* ------------------------------------------------------------------------ */
/* Optimizers (tf.train.*Optimizer) and moving averages                      */

typedef struct vs_optimizer_opts {
    const char *name;          /* NULL: "GradientDescent", "Adam", ...    */
    double learning_rate;      /* Adam: 0 = 0.001                          */
    double beta1, beta2, epsilon;   /* Adam: 0 = 0.9, 0.999, 1e-8;
                                       RMSProp epsilon: 0 = 1e-10          */
    double decay;              /* RMSProp: 0 = 0.9                         */
    double momentum;           /* RMSProp's (0: none)                      */
    bool centered;             /* RMSProp: the "mg" slot                   */
    bool use_nesterov;         /* Momentum                                 */
    double initial_accumulator_value;   /* Adagrad: 0 = 0.1                */
    VS__OPTS_END;
} vs_optimizer_opts;

vs_optimizer *vs_gradient_descent_optimizer_at(vs_graph *g,
                                               double learning_rate,
                                               const vs_optimizer_opts *opts,
                                               const char *file, int line);
vs_optimizer *vs_momentum_optimizer_at(vs_graph *g, double learning_rate,
                                       double momentum,
                                       const vs_optimizer_opts *opts,
                                       const char *file, int line);
vs_optimizer *vs_adam_optimizer_at(vs_graph *g, const vs_optimizer_opts *opts,
                                   const char *file, int line);
vs_optimizer *vs_rmsprop_optimizer_at(vs_graph *g, double learning_rate,
                                      const vs_optimizer_opts *opts,
                                      const char *file, int line);
vs_optimizer *vs_adagrad_optimizer_at(vs_graph *g, double learning_rate,
                                      const vs_optimizer_opts *opts,
                                      const char *file, int line);

#define vs_gradient_descent_optimizer(g, ...)                                \
    vs_gradient_descent_optimizer_at((g), VS__REQ(__VA_ARGS__),              \
                                     VS__KW(vs_optimizer_opts, __VA_ARGS__), \
                                     __FILE__, __LINE__)
#define vs_momentum_optimizer(g, learning_rate, ...)                         \
    vs_momentum_optimizer_at((g), (learning_rate), VS__REQ(__VA_ARGS__),     \
                             VS__KW(vs_optimizer_opts, __VA_ARGS__),         \
                             __FILE__, __LINE__)
#define vs_adam_optimizer(...)            /* (g, keywords...) */          \
    vs_adam_optimizer_at(VS__REQ(__VA_ARGS__),                               \
                         VS__KW(vs_optimizer_opts, __VA_ARGS__), __FILE__,   \
                         __LINE__)
#define vs_rmsprop_optimizer(g, ...)                                         \
    vs_rmsprop_optimizer_at((g), VS__REQ(__VA_ARGS__),                       \
                            VS__KW(vs_optimizer_opts, __VA_ARGS__),          \
                            __FILE__, __LINE__)
#define vs_adagrad_optimizer(g, ...)                                         \
    vs_adagrad_optimizer_at((g), VS__REQ(__VA_ARGS__),                       \
                            VS__KW(vs_optimizer_opts, __VA_ARGS__),          \
                            __FILE__, __LINE__)

typedef struct vs_minimize_opts {
    const vs_var_list *var_list;   /* NULL: the trainable variables        */
    vs_var *global_step;           /* incremented by the train op          */
    const char *name;              /* NULL: the optimizer's name           */
    VS__OPTS_END;
} vs_minimize_opts;

/* optimizer.minimize(loss, var_list=..., global_step=..., name=...):
 * compute_gradients (a variable the loss does not depend on has no
 * gradient and no slots), then apply_gradients: the slots of every
 * variable with a gradient are made through the slot creator, so reuse
 * left on in the current variable scope fails as TF fails. */
vs_op *vs_minimize_at(vs_graph *g, vs_optimizer *opt, vs_tensor *loss,
                      const vs_minimize_opts *opts, const char *file,
                      int line);
#define vs_minimize(g, opt, ...)                                             \
    vs_minimize_at((g), (opt), VS__REQ(__VA_ARGS__),                         \
                   VS__KW(vs_minimize_opts, __VA_ARGS__), __FILE__, __LINE__)
/* optimizer.get_slot(var, name): "m", "v", "momentum", "rms", "mg",
 * "accumulator"; NULL if it has none. */
vs_var *vs_optimizer_get_slot(const vs_optimizer *opt, const vs_var *var,
                              const char *name);
const char *vs_optimizer_name(const vs_optimizer *opt);

typedef struct vs_ema_opts {
    const char *name;          /* NULL: "ExponentialMovingAverage"         */
    bool zero_debias;
    VS__OPTS_END;
} vs_ema_opts;

/* tf.train.ExponentialMovingAverage(decay, ...) */
vs_ema *vs_exponential_moving_average_at(vs_graph *g, double decay,
                                         const vs_ema_opts *opts,
                                         const char *file, int line);
#define vs_exponential_moving_average(g, ...)                                \
    vs_exponential_moving_average_at((g), VS__REQ(__VA_ARGS__),              \
                                     VS__KW(vs_ema_opts, __VA_ARGS__),       \
                                     __FILE__, __LINE__)

typedef struct vs_ema_apply_opts {
    const vs_var_list *var_list;   /* NULL: the trainable variables        */
    VS__OPTS_END;
} vs_ema_apply_opts;

/* ema.apply(var_list): one average per variable ("w/ExponentialMovingAverage"
 * through the slot creator). */
vs_op *vs_ema_apply_at(vs_graph *g, vs_ema *ema,
                       const vs_ema_apply_opts *opts, const char *file,
                       int line);
#define vs_ema_apply(g, ...)                                                 \
    vs_ema_apply_at((g), VS__REQ(__VA_ARGS__),                               \
                    VS__KW(vs_ema_apply_opts, __VA_ARGS__), __FILE__,        \
                    __LINE__)
vs_var *vs_ema_average(const vs_ema *ema, const vs_var *var);  /* or NULL */

/* ema.apply([t0, t1, ...]) for tensors that are not variables (the batch
 * mean and variance of a batch norm, a loss): one average per tensor not
 * averaged yet, slot_creator.create_zeros_slot(t, name): get_variable("")
 * of t's shape and dtype, zeros, under variable_scope(None,
 * default_name="<t's op name>/<name>"), so a reusing scope fails it ("...
 * moments/Squeeze/ExponentialMovingAverage/ does not exist"); with
 * .zero_debias each update also makes "biased" and "local_step" under
 * variable_scope("<average's op name>") (assign_moving_average's
 * _zero_debias).  tensors[i] NULL or not half/float/double fails. */
vs_op *vs_ema_apply_tensors_at(vs_graph *g, vs_ema *ema,
                               vs_tensor *const *tensors, size_t n,
                               const char *file, int line);
/* variadic so that the list may be a compound literal:
 * vs_ema_apply_tensors(g, ema, (vs_tensor *[]){mean, var}, 2) */
#define vs_ema_apply_tensors(g, ema, ...)                                    \
    vs_ema_apply_tensors_at((g), (ema), __VA_ARGS__, __FILE__, __LINE__)
/* ema.average(t) for a tensor: its average, or NULL */
vs_var *vs_ema_average_tensor(const vs_ema *ema, const vs_tensor *t);

/* tf.train.get_or_create_global_step(): get_variable("global_step", [],
 * int64, zeros, trainable=False) in the current variable scope. */
vs_var *vs_get_or_create_global_step_at(vs_graph *g, const char *file,
                                        int line);
#define vs_get_or_create_global_step(g)                                      \
    vs_get_or_create_global_step_at((g), __FILE__, __LINE__)

/* ------------------------------------------------------------------------ */
/* A session that computes (float32)                                         */

/* A fetched value: float32 numbers in row-major order. */
typedef struct vs_ndarray {
    vs_shape shape;            /* fully defined */
    size_t size;
    const float *data;
} vs_ndarray;

/* feed_dict={placeholder: value} */
typedef struct vs_feed {
    vs_tensor *tensor;
    const vs_shape *shape;     /* the value's shape */
    const float *data;
} vs_feed;

typedef struct vs_run_opts {
    const vs_feed *feeds;
    size_t nfeeds;
    VS__OPTS_END;
} vs_run_opts;

/* tf.Session(graph=g) */
vs_session *vs_session_new_at(vs_graph *g, const char *file, int line);
#define vs_session_new(g) vs_session_new_at((g), __FILE__, __LINE__)
/* tf.global_variables_initializer(): the op "init" over the variables
 * that exist now. */
vs_op *vs_global_variables_initializer_at(vs_graph *g, const char *file,
                                          int line);
#define vs_global_variables_initializer(g)                                   \
    vs_global_variables_initializer_at((g), __FILE__, __LINE__)
/* sess.run(op): runs an initializer (returns op; NULL on failure). */
const vs_op *vs_session_run_op_at(vs_session *s, const vs_op *op,
                                  const char *file, int line);
#define vs_session_run_op(s, op)                                             \
    vs_session_run_op_at((s), (op), __FILE__, __LINE__)
/* sess.run(tensor, feed_dict=...): const, placeholder, variables, add,
 * subtract, multiply, matmul, bias_add, relu, sigmoid, tanh, square,
 * reduce_mean, and the dense, conv2d, max_pooling2d, flatten, dropout
 * (inference) and batch_normalization (inference) layers.  The result is
 * owned by the session and valid until its next run. */
const vs_ndarray *vs_session_run_at(vs_session *s, vs_tensor *fetch,
                                    const vs_run_opts *opts, const char *file,
                                    int line);
#define vs_session_run(s, ...)                                               \
    vs_session_run_at((s), VS__REQ(__VA_ARGS__),                             \
                      VS__KW(vs_run_opts, __VA_ARGS__), __FILE__, __LINE__)
/* numpy's repr: array([[-3.8509488, -2.121961 ]], dtype=float32) */
int vs_ndarray_repr(const vs_ndarray *a, char *buf, size_t n);

#ifdef __cplusplus
}
#endif
#endif /* VARSCOPE_H */
