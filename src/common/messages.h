/* The texts of the failures, for the library and the linter's model both:
 * TF 1.15's own where TF fails the same way (the file and function that
 * raise it are named), else the library's.  printf formats. */
#ifndef VS_MESSAGES_H
#define VS_MESSAGES_H

/* ---- tf.get_variable (variable_scope.py, _VariableStore) ---- */
/* _get_single_variable; the library adds " Originally defined at: F:L" */
#define VS_MSG_VARIABLE_EXISTS                                               \
    "Variable %s already exists, disallowed. Did you mean to set "           \
    "reuse=True or reuse=tf.AUTO_REUSE in VarScope?"
#define VS_MSG_VARIABLE_MISSING                                              \
    "Variable %s does not exist, or was not created with "                   \
    "tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?"
/* _get_single_variable, on finding name/part_0 */
#define VS_MSG_PARTITIONED                                                   \
    "No partitioner was provided, but a partitioned version of the "         \
    "variable was found: %s. Perhaps a variable of the same name was "       \
    "already created with partitioning?"
#define VS_MSG_SHARE_SHAPE                                                   \
    "Trying to share variable %s, but specified shape %s and found shape %s."
/* the last %s: "" or VS_MSG_NO_DTYPE_GIVEN */
#define VS_MSG_SHARE_DTYPE                                                   \
    "Trying to share variable %s, but specified dtype %s and found dtype "   \
    "%s_ref.%s"
#define VS_MSG_NO_DTYPE_GIVEN                                                \
    " (no dtype was given, so float32 was assumed: add .dtype)"
/* _get_single_variable, a constant initializer with a shape */
#define VS_MSG_CONSTANT_AND_SHAPE                                            \
    "If initializer is a constant, do not specify shape."
/* VariableScope.get_variable: a value initializer against .dtype */
#define VS_MSG_INITIALIZER_DTYPE                                             \
    "Initializer type '<dtype: '%s'>' and explicit dtype '<dtype: '%s'>' "   \
    "don't match."
/* _get_single_variable, no shape and no value; the library says why */
#define VS_MSG_INITIALIZER_INVALID                                           \
    "The initializer passed is not valid. It should be a callable with no "  \
    "arguments and the shape should not be provided or an instance of "      \
    "`tf.keras.initializers.*' and `shape` should be fully defined. "        \
    "(variable %s: give a fully defined .shape or a value initializer)"

/* ---- tf.Variable (variables.py, RefVariable._init_from_args) ---- */
#define VS_MSG_INITIAL_VALUE_MISSING "initial_value must be specified."
/* %s: the tensor, VS_MSG_TENSOR */
#define VS_MSG_INITIAL_VALUE_SHAPE "initial_value must have a shape specified: %s"
/* ops.py convert_to_tensor */
#define VS_MSG_TENSOR_CONVERSION                                             \
    "Tensor conversion requested dtype %s for Tensor with dtype %s: %s"
/* a tensor as TF prints it: name, shape, dtype */
#define VS_MSG_TENSOR "Tensor(\"%s\", shape=%s, dtype=%s)"

/* ---- names (ops.py: Graph.name_scope, Graph.create_op) ---- */
#define VS_MSG_EMPTY_OP_NAME "'' is not a valid op name: names must not be empty"
#define VS_MSG_EMPTY_SCOPE_NAME                                              \
    "'' is not a valid scope name: names must not be empty"
#define VS_MSG_INVALID_SCOPE_NAME "'%s' is not a valid scope name"
#define VS_MSG_INVALID_NODE_NAME "'%s' is not a valid node name"
#define VS_MSG_DUPLICATE_NODE "Duplicate node name in graph: '%s'"

/* ---- scopes (variable_scope.py: variable_scope.__init__) ---- */
/* the %s: VS_REUSE or VS_AUTO_REUSE, then the default name */
#define VS_MSG_REUSE_WITHOUT_NAME                                            \
    "reuse=True cannot be used without a name_or_scope (.reuse = %s with "   \
    "only .default_name \"%s\")"
#define VS_MSG_SCOPE_UNDERFLOW                                               \
    "vs_scope_exit: no scope is open (more exits than enters)"

/* ---- ops (TF's C++ shape functions: common_shape_fns.cc,
 * shape_inference.cc; op_def_library.py's _apply_op_helper), as the
 * library says them: VS_MSG_SHAPE_FN's first %s is one of the three
 * below, then the op's name and type and the inputs' shapes ("[2,3]") ---- */
#define VS_MSG_SHAPE_FN "%s for '%s' (op: '%s') with input shapes: %s, %s."
#define VS_MSG_DIMS_EQUAL "Dimensions must be equal, but are %lld and %lld"
#define VS_MSG_RANK "Shape must be rank %d but is rank %d"
#define VS_MSG_MIN_RANK "Shape must be at least rank %d but is rank %d"
/* the input's name, the op type, its dtype, the other's dtype and name */
#define VS_MSG_INPUT_TYPE                                                    \
    "Input '%s' of '%s' Op has type %s that does not match type %s of "      \
    "argument '%s'."

/* ---- ops, as the linter's model still says them (it does not yet build
 * TF's texts above): Add's broadcasting, a MatMul, input dtypes ---- */
#define VS_MSG_ADD_SHAPES "Dimensions must be equal for Add: shapes %s and %s"
#define VS_MSG_MATMUL_SHAPES                                                 \
    "MatMul needs two matrices with matching inner dimensions: shapes %s "   \
    "and %s"
/* the op type, then b's and a's dtypes */
#define VS_MSG_INPUT_DTYPES                                                  \
    "Input 'b' of '%s' Op has type %s that does not match type %s of "       \
    "argument 'a'."

/* ---- layers (keras: input_spec.py's assert_input_compatibility, the
 * layer's name, the spec's min_ndim, the input's rank and shape as a list:
 * "[None, 3]"), dense (Dense.build) ---- */
#define VS_MSG_LAYER_MIN_NDIM                                                \
    "Input 0 of layer %s is incompatible with the layer: expected "          \
    "min_ndim=%d, found ndim=%d. Full shape received: %s"
/* the model's words for dense's case of the above (min_ndim 2, the shape
 * as "(?, 3)"), until it says the library's */
#define VS_MSG_DENSE_NDIM                                                    \
    "Input 0 of layer %s is incompatible with the layer: expected "          \
    "min_ndim=2, found ndim=%d. Full shape received: %s"
#define VS_MSG_DENSE_DTYPE                                                   \
    "Unable to build `Dense` layer with non-floating point dtype <dtype: '%s'>"
#define VS_MSG_DENSE_LAST_DIM                                                \
    "The last dimension of the inputs to `Dense` should be defined. Found "  \
    "`None`."

/* ---- the library's own checks of its arguments ---- */
#define VS_MSG_GRAPH_NULL "graph is NULL"
#define VS_MSG_DTYPE_INVALID "dtype is not a vs_dtype value"
#define VS_MSG_INPUT_NULL "%s: input %s is NULL"
#define VS_MSG_CONSTANT_NO_SHAPE "a constant needs a shape"
#define VS_MSG_CONSTANT_DATA_NULL "constant data is NULL"
#define VS_MSG_DENSE_INPUT_NULL "dense: input is NULL"
#define VS_MSG_DENSE_UNITS "dense: units must be a positive integer, got %lld"

#endif
