/* The library's vocabulary, written once, for the library and the linter
 * both (src/common/ is compiled into each):
 *   - error codes and their names, which are the linter's rule ids;
 *   - dtypes, their TF names and their C spellings;
 *   - the library's functions, with where their graph, name and options
 *     arguments are;
 *   - the block macros, with the function each enters and where its graph
 *     argument is.
 * Each table is an X-macro (as frontend/clang_api.h's): a user defines
 * X to take the columns it needs.  The tables are checked against the
 * public enums of include/varscope.h when this header is compiled. */
#ifndef VS_VOCAB_H
#define VS_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#include "varscope.h"

/* ---- error codes: X(code, name), in vs_code order ---- */
#define VS_CODES(X)                                          \
    X(VS_OK, "ok")                                           \
    X(VS_ERR_DUPLICATE_VARIABLE, "duplicate-variable")       \
    X(VS_ERR_MISSING_VARIABLE, "missing-variable")           \
    X(VS_ERR_MISSING_DTYPE, "missing-dtype")                 \
    X(VS_ERR_DTYPE_MISMATCH, "dtype-mismatch")               \
    X(VS_ERR_SHAPE_MISMATCH, "shape-mismatch")               \
    X(VS_ERR_UNDEFINED_SHAPE, "undefined-shape")             \
    X(VS_ERR_INITIALIZER_MISMATCH, "initializer-mismatch")   \
    X(VS_ERR_INVALID_NAME, "invalid-name")                   \
    X(VS_ERR_REUSE_WITHOUT_NAME, "reuse-without-name")       \
    X(VS_ERR_SCOPE_UNDERFLOW, "scope-underflow")             \
    X(VS_ERR_SCOPE_LEAK, "scope-leak")                       \
    X(VS_ERR_INVALID_ARGUMENT, "invalid-argument")           \
    X(VS_ERR_NO_MEMORY, "no-memory")

/* ---- dtypes: X(dtype, TF's name), in vs_dtype order; the C spelling is
 * the enumerator's own name ---- */
#define VS_DTYPES(X)                                         \
    X(VS_DTYPE_DEFAULT, "float32")                           \
    X(VS_FLOAT32, "float32")                                 \
    X(VS_FLOAT64, "float64")                                 \
    X(VS_INT32, "int32")                                     \
    X(VS_INT64, "int64")                                     \
    X(VS_BOOL, "bool")                                       \
    X(VS_FLOAT16, "float16")                                 \
    X(VS_INT8, "int8")                                       \
    X(VS_INT16, "int16")                                     \
    X(VS_UINT8, "uint8")

/* ---- the library's functions the linter knows:
 *   X(name, form, arity, graph, name_arg, options, fails_null)
 * A function entered here is the model's to model (model.c's ops[]: one
 * missing fails an assertion in the test build).  Every function of
 * varscope.h is here.
 * form      AT: the function is name##_at, called through the keyword
 *           macro `name` (its arguments, then the options as designated
 *           initializers, then the caller's __FILE__ and __LINE__);
 *           PLAIN: the function is `name`
 * arity     its arguments, __FILE__ and __LINE__ not counted
 * graph, name_arg, options
 *           which argument is the graph, the name, the options struct
 *           (0-based; -1: none)
 * fails_null  a failing call returns NULL (else it returns nothing that
 *           says so, or cannot fail) ---- */
#define VS_FUNCTIONS(X)                                                  \
    X(vs_graph_new,                 PLAIN, 0, -1, -1, -1, true)          \
    X(vs_graph_free,                PLAIN, 1,  0, -1, -1, false)         \
    X(vs_set_error_handler,         PLAIN, 3,  0, -1, -1, false)         \
    X(vs_last_error,                PLAIN, 1,  0, -1, -1, false)         \
    X(vs_code_name,                 PLAIN, 1, -1, -1, -1, false)         \
    X(vs_init_value,                PLAIN, 1, -1, -1, -1, false)         \
    X(vs_init_zeros,                PLAIN, 0, -1, -1, -1, false)         \
    X(vs_init_ones,                 PLAIN, 0, -1, -1, -1, false)         \
    X(vs_init_constant,             PLAIN, 1, -1, -1, -1, false)         \
    X(vs_init_glorot_uniform,       PLAIN, 0, -1, -1, -1, false)         \
    X(vs_init_random_normal,        PLAIN, 2, -1, -1, -1, false)         \
    X(vs_constant,                  AT,    5,  0, -1,  4, true)          \
    X(vs_scalar_i32,                AT,    3,  0, -1,  2, true)          \
    X(vs_scalar_f32,                AT,    3,  0, -1,  2, true)          \
    X(vs_constant_i32,              AT,    4,  0, -1,  3, true)          \
    X(vs_constant_f32,              AT,    4,  0, -1,  3, true)          \
    X(vs_placeholder,               AT,    4,  0, -1,  3, true)          \
    X(vs_add,                       AT,    4,  0, -1,  3, true)          \
    X(vs_matmul,                    AT,    4,  0, -1,  3, true)          \
    X(vs_value,                     PLAIN, 1, -1, -1, -1, false)         \
    X(vs_tensor_name,               PLAIN, 1, -1, -1, -1, false)         \
    X(vs_tensor_dtype,              PLAIN, 1, -1, -1, -1, false)         \
    X(vs_tensor_shape,              PLAIN, 1, -1, -1, -1, false)         \
    X(vs_variable,                  AT,    3,  0, -1,  2, true)          \
    X(vs_get_variable,              AT,    3,  0,  1,  2, true)          \
    X(vs_var_name,                  PLAIN, 1, -1, -1, -1, false)         \
    X(vs_var_dtype,                 PLAIN, 1, -1, -1, -1, false)         \
    X(vs_var_shape,                 PLAIN, 1, -1, -1, -1, false)         \
    X(vs_graph_variables,           PLAIN, 3,  0, -1, -1, false)         \
    X(vs_var_repr,                  PLAIN, 3, -1, -1, -1, false)         \
    X(vs_dtype_name,                PLAIN, 1, -1, -1, -1, false)         \
    X(vs_variable_scope_enter,      AT,    3,  0,  1,  2, true)          \
    X(vs_variable_scope_reenter,    AT,    3,  0, -1,  2, true)          \
    X(vs_name_scope_enter,          AT,    2,  0,  1, -1, true)          \
    X(vs_scope_exit,                AT,    1,  0, -1, -1, false)         \
    X(vs_reuse_variables,           PLAIN, 1, -1, -1, -1, false)         \
    X(vs_get_variable_scope,        PLAIN, 1,  0, -1, -1, false)         \
    X(vs_scope_name,                PLAIN, 1, -1, -1, -1, false)         \
    X(vs_scope_original_name_scope, PLAIN, 1, -1, -1, -1, false)         \
    X(vs_scope_reuse,               PLAIN, 1, -1, -1, -1, false)         \
    X(vs_current_name_scope,        PLAIN, 1,  0, -1, -1, false)         \
    X(vs_dense,                     AT,    4,  0, -1,  3, true)          \
    X(vs_init_truncated_normal,     PLAIN, 2, -1, -1, -1, false)         \
    X(vs_init_random_uniform,       PLAIN, 2, -1, -1, -1, false)         \
    X(vs_init_glorot_normal,        PLAIN, 0, -1, -1, -1, false)         \
    X(vs_init_variance_scaling,     PLAIN, 3, -1, -1, -1, false)         \
    X(vs_init_he_normal,            PLAIN, 0, -1, -1, -1, false)         \
    X(vs_init_he_uniform,           PLAIN, 0, -1, -1, -1, false)         \
    X(vs_init_seed,                 PLAIN, 2, -1, -1, -1, false)         \
    X(vs_set_random_seed,           PLAIN, 2,  0, -1, -1, false)         \
    X(vs_bias_add,                  AT,    4,  0, -1,  3, true)          \
    X(vs_subtract,                  AT,    4,  0, -1,  3, true)          \
    X(vs_multiply,                  AT,    4,  0, -1,  3, true)          \
    X(vs_relu,                      AT,    3,  0, -1,  2, true)          \
    X(vs_sigmoid,                   AT,    3,  0, -1,  2, true)          \
    X(vs_tanh,                      AT,    3,  0, -1,  2, true)          \
    X(vs_square,                    AT,    3,  0, -1,  2, true)          \
    X(vs_reduce_mean,               AT,    3,  0, -1,  2, true)          \
    X(vs_op_name,                   PLAIN, 1, -1, -1, -1, false)         \
    X(vs_get_collection,            AT,    3,  0, -1,  2, true)          \
    X(vs_add_to_collection,         AT,    3,  0, -1, -1, true)          \
    X(vs_var_trainable,             PLAIN, 1, -1, -1, -1, false)         \
    X(vs_dense_layer,               AT,    3,  0, -1,  2, true)          \
    X(vs_conv2d_layer,              AT,    5,  0, -1,  4, true)          \
    X(vs_batch_norm_layer,          AT,    2,  0, -1,  1, true)          \
    X(vs_max_pooling2d_layer,       AT,    4,  0, -1,  3, true)          \
    X(vs_flatten_layer,             AT,    2,  0, -1,  1, true)          \
    X(vs_dropout_layer,             AT,    3,  0, -1,  2, true)          \
    X(vs_layer_apply,               AT,    4,  0, -1,  3, true)          \
    X(vs_conv2d,                    AT,    6,  0, -1,  5, true)          \
    X(vs_batch_normalization,       AT,    3,  0, -1,  2, true)          \
    X(vs_max_pooling2d,             AT,    5,  0, -1,  4, true)          \
    X(vs_flatten,                   AT,    3,  0, -1,  2, true)          \
    X(vs_dropout,                   AT,    4,  0, -1,  3, true)          \
    X(vs_layer_name,                PLAIN, 1, -1, -1, -1, false)         \
    X(vs_layer_scope,               PLAIN, 1, -1, -1, -1, false)         \
    X(vs_layer_variables,           PLAIN, 3, -1, -1, -1, false)         \
    X(vs_fully_connected,           AT,    4,  0, -1,  3, true)          \
    X(vs_basic_rnn_cell,            AT,    3,  0, -1,  2, true)          \
    X(vs_basic_lstm_cell,           AT,    3,  0, -1,  2, true)          \
    X(vs_lstm_cell,                 AT,    3,  0, -1,  2, true)          \
    X(vs_gru_cell,                  AT,    3,  0, -1,  2, true)          \
    X(vs_multi_rnn_cell,            AT,    4,  0, -1,  3, true)          \
    X(vs_rnn_zero_state,            AT,    4,  0, -1, -1, true)          \
    X(vs_rnn_cell_call,             AT,    5,  0, -1,  4, true)          \
    X(vs_dynamic_rnn,               AT,    4,  0, -1,  3, true)          \
    X(vs_rnn_state_size,            PLAIN, 1, -1, -1, -1, false)         \
    X(vs_rnn_state_tensor,          PLAIN, 2, -1, -1, -1, false)         \
    X(vs_make_template,             AT,    5,  0, -1,  4, true)          \
    X(vs_template_call,             AT,    3,  0, -1, -1, true)          \
    X(vs_template_scope,            PLAIN, 1, -1, -1, -1, false)         \
    X(vs_gradient_descent_optimizer, AT,   3,  0, -1,  2, true)          \
    X(vs_momentum_optimizer,        AT,    4,  0, -1,  3, true)          \
    X(vs_adam_optimizer,            AT,    2,  0, -1,  1, true)          \
    X(vs_rmsprop_optimizer,         AT,    3,  0, -1,  2, true)          \
    X(vs_adagrad_optimizer,         AT,    3,  0, -1,  2, true)          \
    X(vs_minimize,                  AT,    4,  0, -1,  3, true)          \
    X(vs_optimizer_get_slot,        PLAIN, 3, -1, -1, -1, false)         \
    X(vs_optimizer_name,            PLAIN, 1, -1, -1, -1, false)         \
    X(vs_exponential_moving_average, AT,   3,  0, -1,  2, true)          \
    X(vs_ema_apply,                 AT,    3,  0, -1,  2, true)          \
    X(vs_ema_average,               PLAIN, 2, -1, -1, -1, false)         \
    X(vs_ema_apply_tensors,         AT,    4,  0, -1, -1, true)          \
    X(vs_ema_average_tensor,        PLAIN, 2, -1, -1, -1, false)         \
    X(vs_get_or_create_global_step, AT,    1,  0, -1, -1, true)          \
    X(vs_session_new,               AT,    1,  0, -1, -1, true)          \
    X(vs_global_variables_initializer, AT, 1,  0, -1, -1, true)          \
    X(vs_session_run_op,            AT,    2, -1, -1, -1, true)          \
    X(vs_session_run,               AT,    3, -1, -1,  2, true)          \
    X(vs_ndarray_repr,              PLAIN, 3, -1, -1, -1, false)

/* ---- block forms: X(macro, the keyword macro it enters with, graph) ---- */
#define VS_BLOCK_MACROS(X)                                               \
    X(VS_VARIABLE_SCOPE,         vs_variable_scope_enter,   0)           \
    X(VS_VARIABLE_SCOPE_AS,      vs_variable_scope_enter,   1)           \
    X(VS_VARIABLE_SCOPE_REENTER, vs_variable_scope_reenter, 0)           \
    X(VS_NAME_SCOPE,             vs_name_scope_enter,       0)

/* ---- lookups (vocab.c) ---- */

#define VS__FN_ID(name, ...) VS_FN_##name,
typedef enum vs_fn_id { VS_FUNCTIONS(VS__FN_ID) VS_FN_COUNT } vs_fn_id;
#undef VS__FN_ID

typedef struct vs_fn_info {
    const char *name;             /* "vs_get_variable_at" */
    const char *macro;            /* "vs_get_variable"; NULL: none */
    int arity;
    int graph, name_arg, options; /* -1: none */
    bool fails_null;
} vs_fn_info;

extern const vs_fn_info vs__fns[VS_FN_COUNT];

/* The function of this name, or NULL. */
const vs_fn_info *vs__fn_find(const char *name);
static inline vs_fn_id vs__fn_id(const vs_fn_info *f)
{
    return (vs_fn_id)(f - vs__fns);
}

/* How a call is spelled: the identifier a call starts with (a keyword or
 * block macro, or a function's own name), the function it reaches, where
 * its graph argument is, and whether it takes options as designated
 * initializers after its arguments.  False if it is none of them. */
typedef struct vs_spelling {
    vs_fn_id fn;
    int graph;
    bool keywords;
} vs_spelling;
bool vs__spelling(const char *ident, size_t len, vs_spelling *out);

/* "VS_INT32" for VS_INT32; NULL for a value that is not a vs_dtype */
const char *vs__dtype_spelling(vs_dtype dt);
bool vs__dtype_valid(vs_dtype dt);
vs_dtype vs__dtype_or_float(vs_dtype dt);   /* DEFAULT: float32 */
bool vs__dtype_floating(vs_dtype dt);

#endif
