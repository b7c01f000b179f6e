/* tf.layers as objects and functions: Dense, Conv2D, BatchNormalization,
 * MaxPooling2D, Flatten, Dropout, and tf.contrib.layers.fully_connected.
 *
 * Expectations come from TF 1.15's layer tests (python/layers/core_test.py,
 * convolutional_test.py, normalization_test.py, pooling_test.py,
 * base_test.py, contrib/layers/python/layers/layers_test.py) and from the
 * code paths of python/layers/base.py Layer.__call__ / _set_scope and
 * keras's layers, each cited at its test. */
#include "helpers.h"

#define PH(g, ...) vs_placeholder((g), VS_FLOAT32, VS_SHAPE(__VA_ARGS__))

static const char *dims(const vs_tensor *t)
{
    static char buf[8][128];
    static unsigned k;
    char *b = buf[k++ % 8];
    const vs_shape *s = vs_tensor_shape(t);
    if (!s)
        return "<NULL>";
    int n = snprintf(b, 128, "[");
    for (int i = 0; i < s->rank; i++)
        n += snprintf(b + n, 128 - (size_t)n, "%s%lld", i ? ", " : "",
                      (long long)s->dims[i]);
    snprintf(b + n, 128 - (size_t)n, "]");
    return b;
}

static vs_layer *apply_flatten(vs_graph *g, vs_tensor *x, vs_layer *l)
{
    vs_layer_apply(g, l, x);
    return l;
}

static size_t ntrainable(vs_graph *g)
{
    return vs_get_collection(g, VS_TRAINABLE_VARIABLES)->len;
}

/* ---- Dense ---------------------------------------------------------- */

/* mirrors python/layers/core_test.py DenseTest.testCall: Dense(2,
 * activation=relu, name='my_dense') on (5, 4): output (5, 2), variables
 * [kernel, bias] named my_dense/kernel:0, my_dense/bias:0 */
static void test_dense_object_call(void **state)
{
    FX;
    vs_layer *dense = vs_dense_layer(g, 2, .activation = VS_ACT_RELU, .name = "my_dense");
    vs_tensor *out = vs_layer_apply(g, dense, PH(g, 5, 4));
    assert_string_equal(dims(out), "[5, 2]");
    assert_string_equal(tn(out), "my_dense/Relu:0");
    vs_var *w[4];
    assert_int_equal(vs_layer_variables(dense, w, 4), 2);
    assert_string_equal(vn(w[0]), "my_dense/kernel:0");
    assert_string_equal(vn(w[1]), "my_dense/bias:0");
    assert_string_equal(vs_layer_name(dense), "my_dense");
    EXPECT_NO_ERROR();
}

/* mirrors core_test.py DenseTest.testNoBias and testNonTrainable */
static void test_dense_no_bias_not_trainable(void **state)
{
    FX;
    vs_layer *a = vs_dense_layer(g, 2, .no_bias = true, .name = "my_dense");
    vs_layer_apply(g, a, PH(g, 5, 4));
    vs_var *w[4];
    assert_int_equal(vs_layer_variables(a, w, 4), 1);
    vs_layer *b = vs_dense_layer(g, 2, .not_trainable = true, .name = "frozen");
    vs_layer_apply(g, b, PH(g, 5, 4));
    assert_int_equal(vs_layer_variables(b, w, 4), 2);
    assert_false(vs_var_trainable(w[0]));
    assert_int_equal(ntrainable(g), 1);
    assert_int_equal(nvars(g), 3);
    EXPECT_NO_ERROR();
}

/* mirrors core_test.py DenseTest.testOutputShape: rank 3 input (1, 2, 4)
 * gives (1, 2, 7) through Tensordot */
static void test_dense_rank3(void **state)
{
    FX;
    vs_layer *d = vs_dense_layer(g, 7, .activation = VS_ACT_RELU, .name = "my_dense");
    vs_tensor *out = vs_layer_apply(g, d, PH(g, 1, 2, 4));
    assert_string_equal(dims(out), "[1, 2, 7]");
    assert_string_equal(repr(var_at(g, 0)),
                        "<tf.Variable 'my_dense/kernel:0' shape=(4, 7) dtype=float32_ref>");
    EXPECT_NO_ERROR();
}

/* mirrors core_test.py DenseTest.testCallOnPlaceHolder: unknown rank and
 * unknown last dimension are ValueErrors; [None, None, 3] is fine.  The
 * rank check is keras input_spec.assert_input_compatibility ("its rank is
 * undefined"), the last dimension Dense.build's. */
static void test_dense_on_placeholders(void **state)
{
    FX;
    vs_layer *d = vs_dense_layer(g, 4, .name = "my_dense");
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_layer_apply(g, d, vs_placeholder(g, VS_FLOAT32, NULL)));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_layer_apply(g, d, PH(g, -1, -1)));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_layer_apply(g, d, PH(g, -1, -1, -1)));
    assert_int_equal(nvars(g), 0);
    assert_non_null(vs_layer_apply(g, d, PH(g, -1, -1, 3)));
    assert_int_equal(nvars(g), 2);
    vs_tensor *u = vs_placeholder(g, VS_FLOAT32, NULL);
    vs_layer *e = vs_dense_layer(g, 4);
    vs_layer_apply(g, e, u);
    assert_true(starts_with(LAST_MESSAGE(), "Input 0 of layer dense_1 is incompatible with the "
                                            "layer: its rank is undefined, but the layer "
                                            "requires a defined rank."));
    rec_clear(&f->r);
}

/* mirrors core_test.py DenseTest.testActivation: op names dense1/Relu and
 * dense2/BiasAdd */
static void test_dense_activation_names(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 3);
    vs_layer *a = vs_dense_layer(g, 2, .activation = VS_ACT_RELU, .name = "dense1");
    vs_layer *b = vs_dense_layer(g, 2, .name = "dense2");
    assert_string_equal(tn(vs_layer_apply(g, a, x)), "dense1/Relu:0");
    assert_string_equal(tn(vs_layer_apply(g, b, x)), "dense2/BiasAdd:0");
    EXPECT_NO_ERROR();
}

/* mirrors core_test.py DenseTest.testFunctionalDense (2 trainable
 * variables, op my_dense/Relu) and testFunctionalDenseTwice (no name:
 * two calls make four variables) */
static void test_functional_dense_twice(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 3);
    assert_string_equal(tn(vs_dense(g, x, 2, .activation = VS_ACT_RELU, .name = "my_dense")),
                        "my_dense/Relu:0");
    assert_int_equal(ntrainable(g), 2);
    vs_dense(g, x, 2);
    vs_dense(g, x, 2);
    assert_int_equal(nvars(g), 6);
    assert_string_equal(vn(var_at(g, 4)), "dense_1/kernel:0");
    EXPECT_NO_ERROR();
}

/* mirrors core_test.py DenseTest.testFunctionalDenseTwiceReuse (name +
 * reuse=True shares) and the functional form's _scope=name: the same name
 * without reuse is a second string entry of the same variable scope
 * (base.py Layer.__init__: `with vs.variable_scope(scope)`), so the kernel
 * exists: _get_single_variable's "already exists" */
static void test_functional_dense_name_reuse(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 3);
    vs_dense(g, x, 2, .name = "my_dense");
    assert_non_null(vs_dense(g, x, 2, .name = "my_dense", .reuse = VS_REUSE));
    assert_int_equal(ntrainable(g), 2);
    assert_non_null(vs_dense(g, x, 2, .name = "my_dense", .reuse = VS_AUTO_REUSE));
    EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_dense(g, x, 2, .name = "my_dense"));
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors base.py Layer._set_scope: with _reuse and no name the scope is
 * variable_scope(base_name) by string, "dense" again (not made unique):
 * tf.layers.dense(x, 2, reuse=True) shares dense/kernel */
static void test_functional_dense_reuse_without_name(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 3);
    vs_dense(g, x, 2);
    assert_string_equal(tn(vs_dense(g, x, 2, .reuse = VS_REUSE)), "dense_1/BiasAdd:0");
    assert_int_equal(nvars(g), 2);
    /* reuse=True on a scope that has no such variable */
    EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_dense(g, x, 2, .name = "nope", .reuse = VS_REUSE));
    EXPECT_NO_ERROR();
}

/* mirrors core_test.py DenseTest.testFunctionalDenseInScope: inside
 * variable_scope('test') the key is test/my_dense/kernel; unnamed inside
 * 'test2': test2/dense/kernel */
static void test_functional_dense_in_scope(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 3);
    VS_VARIABLE_SCOPE(g, "test") { vs_dense(g, x, 2, .name = "my_dense"); }
    VS_VARIABLE_SCOPE(g, "test2") { vs_dense(g, x, 2); }
    assert_string_equal(vn(var_at(g, 0)), "test/my_dense/kernel:0");
    assert_string_equal(vn(var_at(g, 2)), "test2/dense/kernel:0");
    EXPECT_NO_ERROR();
}

/* mirrors base.py Layer.__call__: a built layer enters its scope with
 * reuse=True, so `l = tf.layers.Dense(2); l(x1); l(x2)` shares with no
 * reuse flag; the second call's ops are dense/MatMul_1, dense/BiasAdd_1
 * (the captured original name scope, re-entered) */
static void test_layer_object_called_twice_shares(void **state)
{
    FX;
    vs_tensor *x1 = PH(g, -1, 3), *x2 = PH(g, -1, 3);
    vs_layer *l = vs_dense_layer(g, 2);
    assert_null(vs_layer_scope(l));
    assert_string_equal(tn(vs_layer_apply(g, l, x1)), "dense/BiasAdd:0");
    assert_string_equal(vs_scope_name(vs_layer_scope(l)), "dense");
    assert_string_equal(tn(vs_layer_apply(g, l, x2)), "dense/BiasAdd_1:0");
    assert_int_equal(nvars(g), 2);
    /* called inside another scope later: still its own scope and ops */
    VS_VARIABLE_SCOPE(g, "other", .reuse = VS_REUSE) {
        assert_string_equal(tn(vs_layer_apply(g, l, x1)), "dense/BiasAdd_2:0");
    }
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors python/layers/base_test.py BaseLayerTest.testScopeNaming with a
 * layer without variables (Flatten for PrivateLayer): default names made
 * unique per variable scope entry, a name given made unique the same way,
 * name scopes do not count, a variable scope prefixes */
static void test_scope_naming(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 2);
#define SCOPE_OF(...) vs_scope_name(vs_layer_scope(apply_flatten(g, x, vs_flatten_layer(__VA_ARGS__))))
    assert_string_equal(SCOPE_OF(g), "flatten");
    assert_string_equal(SCOPE_OF(g), "flatten_1");
    assert_string_equal(SCOPE_OF(g, .name = "my_layer"), "my_layer");
    assert_string_equal(SCOPE_OF(g, .name = "my_layer"), "my_layer_1");
    assert_string_equal(SCOPE_OF(g, .name = "my_layer"), "my_layer_2");
    VS_NAME_SCOPE(g, "some_name_scope") {
        assert_string_equal(SCOPE_OF(g), "flatten_2");
        assert_string_equal(SCOPE_OF(g, .name = "my_layer"), "my_layer_3");
        assert_string_equal(SCOPE_OF(g, .name = "other_layer"), "other_layer");
    }
    VS_VARIABLE_SCOPE(g, "var_scope") {
        assert_string_equal(SCOPE_OF(g), "var_scope/flatten");
        assert_string_equal(SCOPE_OF(g, .name = "my_layer"), "var_scope/my_layer");
        assert_string_equal(SCOPE_OF(g, .name = "my_layer"), "var_scope/my_layer_1");
    }
#undef SCOPE_OF
    EXPECT_NO_ERROR();
}

/* mirrors keras backend.unique_object_name (zero_based=False) used by
 * base.py Layer._init_set_name: unnamed layers are dense_1, dense_2 per
 * graph while their scopes are dense, dense_1 (docs/tf-semantics.md §6) */
static void test_layer_names_one_based(void **state)
{
    FX;
    vs_tensor *x = PH(g, -1, 3);
    vs_layer *a = vs_dense_layer(g, 2), *b = vs_dense_layer(g, 2);
    assert_string_equal(vs_layer_name(a), "dense_1");
    assert_string_equal(vs_layer_name(b), "dense_2");
    vs_layer_apply(g, a, x);
    vs_layer_apply(g, b, x);
    assert_string_equal(vs_scope_name(vs_layer_scope(a)), "dense");
    assert_string_equal(vs_scope_name(vs_layer_scope(b)), "dense_1");
    assert_string_equal(vs_layer_name(vs_conv2d_layer(g, 1, 1, 1)), "conv2d_1");
    EXPECT_NO_ERROR();
}

/* mirrors base.py Layer._set_scope (default name per entry of the parent
 * string scope, counts reset when it exits: docs/tf-semantics.md §5): two
 * objects named "fc" in two entries of "model" capture the same scope
 * model/fc, and the second one's build finds model/fc/kernel */
static void test_same_name_objects_collide_across_entries(void **state)
{
    FX;
    vs_tensor *x = PH(g, -1, 3);
    VS_VARIABLE_SCOPE(g, "model") { vs_layer_apply(g, vs_dense_layer(g, 2, .name = "fc"), x); }
    VS_VARIABLE_SCOPE(g, "model") {
        vs_layer *again = vs_dense_layer(g, 2, .name = "fc");
        char *before = fingerprint(g);
        vs_layer_apply(g, again, x);
        assert_int_equal(f->r.count, 1);
        assert_int_equal(f->r.e[0].code, VS_ERR_DUPLICATE_VARIABLE);
        assert_true(starts_with(f->r.e[0].message,
                                "Variable model/fc/kernel already exists, disallowed."));
        rec_clear(&f->r);
        ASSERT_FINGERPRINT_UNCHANGED(before, g);
        free(before);
        /* atomic: the layer is as it was (no scope captured, not built) */
        assert_null(vs_layer_scope(again));
    }
    VS_VARIABLE_SCOPE(g, "model", .reuse = VS_REUSE) {
        vs_layer *shared = vs_dense_layer(g, 2, .name = "fc");
        assert_string_equal(tn(vs_layer_apply(g, shared, x)), "model_2/fc/BiasAdd:0");
    }
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors keras input_spec.assert_input_compatibility after Dense.build
 * (InputSpec(min_ndim=2, axes={-1: last_dim})): a built layer called with
 * another width fails before any op is made */
static void test_built_layer_checks_width(void **state)
{
    FX;
    vs_layer *l = vs_dense_layer(g, 2);
    vs_layer_apply(g, l, PH(g, -1, 3));
    vs_layer_apply(g, l, PH(g, -1, 4));
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_SHAPE_MISMATCH);
    assert_string_equal(f->r.e[0].message,
                        "Input 0 of layer dense_1 is incompatible with the layer: expected "
                        "axis -1 of input shape to have value 3 but received input with "
                        "shape [None, 4]");
    rec_clear(&f->r);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_layer_apply(g, l, PH(g, 3)));
}

/* mirrors core_test.py DenseTest.testFunctionalDenseInitializerFromScope
 * (the kernel takes the scope's initializer, the bias does not) checked
 * in test_session.c; here: a non-floating input, Dense.build's TypeError */
static void test_dense_int_input(void **state)
{
    FX;
    vs_tensor *i = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, 3));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_layer_apply(g, vs_dense_layer(g, 2), i));
    vs_tensor *h = vs_placeholder(g, VS_FLOAT16, VS_SHAPE(-1, 3));
    assert_non_null(vs_dense(g, h, 2));
    assert_string_equal(repr(var_at(g, 0)),
                        "<tf.Variable 'dense/kernel:0' shape=(3, 2) dtype=float16_ref>");
    EXPECT_NO_ERROR();
}

/* ---- Conv2D ---------------------------------------------------------- */

/* mirrors python/layers/convolutional_test.py ConvTest.testCreateConv2D:
 * op conv2d/Relu, output (5, 5, 7, 32), kernel [3, 3, 4, 32], bias [32] */
static void test_conv2d_create(void **state)
{
    FX;
    vs_layer *layer = vs_conv2d_layer(g, 32, 3, 3, .activation = VS_ACT_RELU);
    vs_tensor *out = vs_layer_apply(g, layer, PH(g, 5, 7, 9, 4));
    assert_string_equal(tn(out), "conv2d/Relu:0");
    assert_string_equal(dims(out), "[5, 5, 7, 32]");
    assert_string_equal(repr(var_at(g, 0)),
                        "<tf.Variable 'conv2d/kernel:0' shape=(3, 3, 4, 32) dtype=float32_ref>");
    assert_string_equal(repr(var_at(g, 1)),
                        "<tf.Variable 'conv2d/bias:0' shape=(32,) dtype=float32_ref>");
    EXPECT_NO_ERROR();
}

/* mirrors convolutional_test.py testConv2DPaddingSame and
 * testCreateConvWithStrides: 'same' keeps (32, 32); strides (2, 2) on
 * (7, 9) give (4, 5), (2, 1) give (4, 9), (1, 2) give (7, 5) */
static void test_conv2d_padding_strides(void **state)
{
    FX;
    assert_string_equal(dims(vs_conv2d(g, PH(g, 5, 32, 32, 3), 64, 32, 32, .padding = VS_SAME)),
                        "[5, 32, 32, 64]");
    vs_tensor *img = PH(g, 5, 7, 9, 3);
    assert_string_equal(dims(vs_conv2d(g, img, 32, 3, 3, .strides = {2, 2}, .padding = VS_SAME)),
                        "[5, 4, 5, 32]");
    assert_string_equal(dims(vs_conv2d(g, img, 32, 3, 3, .strides = {2, 1}, .padding = VS_SAME)),
                        "[5, 4, 9, 32]");
    assert_string_equal(dims(vs_conv2d(g, img, 32, 3, 3, .strides = {1, 2}, .padding = VS_SAME)),
                        "[5, 7, 5, 32]");
    /* 'valid' with strides 2: ceil((9 - 3 + 1) / 2) = 4 */
    assert_string_equal(dims(vs_conv2d(g, img, 8, 3, 3, .strides = {2, 2})), "[5, 3, 4, 8]");
    EXPECT_NO_ERROR();
}

/* mirrors convolutional_test.py testUnknownInputChannels (the channel
 * dimension must be known) and keras Conv's InputSpec(ndim=4) */
static void test_conv2d_input_checks(void **state)
{
    FX;
    vs_layer *layer = vs_conv2d_layer(g, 32, 3, 3);
    vs_layer_apply(g, layer, PH(g, 5, 7, 9, -1));
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_UNDEFINED_SHAPE);
    assert_string_equal(f->r.e[0].message,
                        "The channel dimension of the inputs should be defined. Found `None`.");
    rec_clear(&f->r);
    vs_layer_apply(g, layer, PH(g, -1, 28, 28));
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_INVALID_ARGUMENT);
    assert_string_equal(f->r.e[0].message,
                        "Input 0 of layer conv2d_1 is incompatible with the layer: expected "
                        "ndim=4, found ndim=3. Full shape received: [None, 28, 28]");
    rec_clear(&f->r);
    /* a 5x5 'valid' window on 3x3: the shape function's negative size */
    vs_conv2d(g, PH(g, -1, 3, 3, 1), 32, 5, 5);
    assert_int_equal(f->r.count, 1);
    assert_true(starts_with(f->r.e[0].message,
                            "Negative dimension size caused by subtracting 5 from 3 for "
                            "'conv2d/Conv2D' (op: 'Conv2D') with input shapes: [?,3,3,1], "
                            "[5,5,1,32]."));
    rec_clear(&f->r);
    assert_int_equal(nvars(g), 0);
}

/* mirrors convolutional_test.py testFunctionalConv2DReuse (name + reuse
 * shares: 2 trainable variables), testFunctionalConv2DNoReuse (no name:
 * 2 then 4) and a named second call without reuse (duplicate) */
static void test_conv2d_functional_reuse(void **state)
{
    FX;
    vs_tensor *img = PH(g, 5, 7, 9, 3);
    vs_conv2d(g, img, 32, 3, 3, .name = "conv1");
    assert_int_equal(ntrainable(g), 2);
    vs_conv2d(g, img, 32, 3, 3, .name = "conv1", .reuse = VS_REUSE);
    assert_int_equal(ntrainable(g), 2);
    EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_conv2d(g, img, 32, 3, 3, .name = "conv1"));
    vs_conv2d(g, img, 32, 3, 3);
    vs_conv2d(g, img, 32, 3, 3);
    assert_int_equal(ntrainable(g), 6);
    assert_string_equal(vn(var_at(g, 4)), "conv2d_1/kernel:0");
    EXPECT_NO_ERROR();
}

/* ---- shapes flow into later creators --------------------------------- */

/* the output shapes of conv2d, max_pooling2d and flatten decide the next
 * dense kernel's width (Dense.build uses the last input dimension):
 * 28x28x1 -> conv 5x5 same 32 -> pool 2x2 -> 14x14x32 -> 6272 */
static void test_dense_after_conv_and_flatten(void **state)
{
    FX;
    vs_tensor *x = PH(g, -1, 28, 28, 1);
    vs_tensor *c = vs_conv2d(g, x, 32, 5, 5, .padding = VS_SAME, .activation = VS_ACT_RELU);
    vs_tensor *p = vs_max_pooling2d(g, c, 2, 2, .strides = {2, 2});
    vs_tensor *fl = vs_flatten(g, p);
    assert_string_equal(dims(p), "[-1, 14, 14, 32]");
    assert_string_equal(dims(fl), "[-1, 6272]");
    assert_string_equal(tn(fl), "flatten/Reshape:0");
    vs_dense(g, fl, 10);
    assert_string_equal(repr(var_at(g, 2)),
                        "<tf.Variable 'dense/kernel:0' shape=(6272, 10) dtype=float32_ref>");
    EXPECT_NO_ERROR();
}

/* ---- pooling, flatten, dropout --------------------------------------- */

/* mirrors python/layers/pooling_test.py testCreateMaxPooling2D ([2, 2],
 * strides 2 on (5, 7, 9, 4): (5, 3, 4, 4)) and
 * testCreatePooling2DWithStrides ('same' strides 1: (5, 7, 9, 4);
 * strides 2: (5, 4, 5, 4)) */
static void test_max_pooling2d(void **state)
{
    FX;
    vs_tensor *img = PH(g, 5, 7, 9, 4);
    vs_layer *layer = vs_max_pooling2d_layer(g, 2, 2, .strides = {2, 2});
    vs_tensor *out = vs_layer_apply(g, layer, img);
    assert_string_equal(dims(out), "[5, 3, 4, 4]");
    assert_string_equal(tn(out), "max_pooling2d/MaxPool:0");
    assert_string_equal(dims(vs_max_pooling2d(g, img, 2, 2, .strides = {1, 1}, .padding = VS_SAME)),
                        "[5, 7, 9, 4]");
    assert_string_equal(dims(vs_max_pooling2d(g, img, 2, 2, .strides = {2, 2}, .padding = VS_SAME)),
                        "[5, 4, 5, 4]");
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_max_pooling2d(g, PH(g, 5, 7, 9), 2, 2));
    assert_int_equal(nvars(g), 0);
    EXPECT_NO_ERROR();
}

/* mirrors core_test.py FlattenTest (testCreateFlatten: (None, 2, 3) ->
 * (None, 6), (1, 2, 3, 2) -> (1, 12); testFlattenUnknownAxes: (5, None,
 * None) and (5, None, 2) -> (5, None); keras Flatten's InputSpec(min_ndim=1)
 * takes (None,) to (None, 1) and refuses a scalar) */
static void test_flatten_shapes(void **state)
{
    FX;
    assert_string_equal(dims(vs_layer_apply(g, vs_flatten_layer(g), PH(g, -1, 2, 3))), "[-1, 6]");
    assert_string_equal(dims(vs_flatten(g, PH(g, 1, 2, 3, 2))), "[1, 12]");
    assert_string_equal(dims(vs_flatten(g, PH(g, 5, -1, -1))), "[5, -1]");
    assert_string_equal(dims(vs_flatten(g, PH(g, 5, -1, 2))), "[5, -1]");
    assert_string_equal(dims(vs_flatten(g, PH(g, -1))), "[-1, 1]");
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_flatten(g, vs_placeholder(g, VS_FLOAT32, VS_SCALAR)));
    /* mirrors FlattenTest.testFunctionalFlatten: name='flatten' */
    assert_string_equal(tn(vs_flatten(g, PH(g, -1, 2, 3), .name = "flatten")),
                        "flatten_5/Reshape:0");
    EXPECT_NO_ERROR();
}

/* mirrors keras Dropout.call (smart_cond(training, nn.dropout, identity))
 * and nn_ops.dropout_v2 (x * scale * mask under the name scope "dropout";
 * rate must be in [0, 1) when it applies) */
static void test_dropout(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 5);
    assert_string_equal(tn(vs_dropout(g, x, 0.5)), "dropout/Identity:0");
    assert_string_equal(tn(vs_dropout(g, x, 0.5, .training = true)),
                        "dropout_1/dropout/mul_1:0");
    vs_layer *dp = vs_dropout_layer(g, 0.5);
    assert_string_equal(tn(vs_layer_apply(g, dp, x, .training = true)),
                        "dropout_2/dropout/mul_1:0");
    assert_string_equal(tn(vs_layer_apply(g, dp, x)), "dropout_2/Identity:0");
    vs_dropout(g, x, 1.0, .training = true);
    assert_int_equal(f->r.count, 1);
    assert_string_equal(f->r.e[0].message,
                        "rate must be a scalar tensor or a float in the range [0, 1), got 1");
    rec_clear(&f->r);
    assert_non_null(vs_dropout(g, x, 1.0));   /* not applied: no check */
    assert_int_equal(nvars(g), 0);
    EXPECT_NO_ERROR();
}

/* mirrors base.py Layer.__call__ for layers without variables: built at
 * the first call like any layer, later calls re-enter the same scope and
 * name scope (flatten/Reshape_1); keras Flatten and MaxPooling2D fix no
 * axis, so other widths are fine */
static void test_weightless_layer_objects_called_twice(void **state)
{
    FX;
    vs_layer *fl = vs_flatten_layer(g), *pool = vs_max_pooling2d_layer(g, 2, 2);
    vs_layer *dp = vs_dropout_layer(g, 0.25);
    assert_string_equal(tn(vs_layer_apply(g, fl, PH(g, -1, 2, 3))), "flatten/Reshape:0");
    assert_string_equal(tn(vs_layer_apply(g, fl, PH(g, -1, 4, 5))), "flatten/Reshape_1:0");
    assert_string_equal(tn(vs_layer_apply(g, pool, PH(g, -1, 4, 4, 3))), "max_pooling2d/MaxPool:0");
    assert_string_equal(tn(vs_layer_apply(g, pool, PH(g, -1, 6, 6, 8))), "max_pooling2d/MaxPool_1:0");
    assert_string_equal(tn(vs_layer_apply(g, dp, PH(g, -1, 3))), "dropout/Identity:0");
    assert_string_equal(tn(vs_layer_apply(g, dp, PH(g, -1, 7))), "dropout/Identity_1:0");
    /* a conv2d object fixes its input channels: 3 then 4 fails */
    vs_layer *conv = vs_conv2d_layer(g, 2, 1, 1);
    vs_layer_apply(g, conv, PH(g, -1, 4, 4, 3));
    EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_layer_apply(g, conv, PH(g, -1, 4, 4, 4)));
    EXPECT_NO_ERROR();
}

/* ---- BatchNormalization ---------------------------------------------- */

/* mirrors python/layers/normalization_test.py BNTest.testCreateBN:
 * BatchNormalization(axis=1) on (5, 4, 3): output (5, 4, 3), 4 variables,
 * 2 trainable (gamma, beta) which are the trainable collection */
static void test_batch_norm_create(void **state)
{
    FX;
    vs_layer *bn = vs_batch_norm_layer(g, .axis = 1);
    vs_tensor *out = vs_layer_apply(g, bn, PH(g, 5, 4, 3), .training = true);
    assert_string_equal(dims(out), "[5, 4, 3]");
    vs_var *w[8];
    assert_int_equal(vs_layer_variables(bn, w, 8), 4);
    assert_string_equal(repr(w[0]),
                        "<tf.Variable 'batch_normalization/gamma:0' shape=(4,) dtype=float32_ref>");
    assert_string_equal(vn(w[1]), "batch_normalization/beta:0");
    assert_string_equal(vn(w[2]), "batch_normalization/moving_mean:0");
    assert_string_equal(vn(w[3]), "batch_normalization/moving_variance:0");
    assert_false(vs_var_trainable(w[2]));
    const vs_var_list *t = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    assert_int_equal(t->len, 2);
    assert_ptr_equal(t->vars[0], w[0]);
    assert_ptr_equal(t->vars[1], w[1]);
    EXPECT_NO_ERROR();
}

/* mirrors normalization_test.py BNTest.testNoCenter / testNoScale (3
 * variables, 1 trainable) and center=False, scale=False (2, none) */
static void test_batch_norm_center_scale(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 4, 3);
    vs_var *w[8];
    vs_layer *a = vs_batch_norm_layer(g, .axis = 1, .no_center = true);
    vs_layer_apply(g, a, x);
    assert_int_equal(vs_layer_variables(a, w, 8), 3);
    assert_string_equal(vn(w[0]), "batch_normalization/gamma:0");
    vs_layer *b = vs_batch_norm_layer(g, .axis = 1, .no_scale = true);
    vs_layer_apply(g, b, x);
    assert_int_equal(vs_layer_variables(b, w, 8), 3);
    assert_string_equal(vn(w[0]), "batch_normalization_1/beta:0");
    vs_layer *c = vs_batch_norm_layer(g, .no_center = true, .no_scale = true);
    vs_layer_apply(g, c, x);
    assert_int_equal(vs_layer_variables(c, w, 8), 2);
    assert_int_equal(ntrainable(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors normalization_test.py BNTest.testFunctionalReuse (name='bn',
 * then name='bn', reuse=True: 2 trainable variables) and keras
 * BatchNormalization.build's axis checks; outputs: the fused kernel for
 * 4-D inputs (nn.fused_batch_norm, FusedBatchNormV3 in 1.15), else
 * nn.batch_normalization's batchnorm/add_1 */
static void test_batch_norm_functional(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 4, 3);
    vs_batch_normalization(g, x, .name = "bn", .training = true);
    vs_batch_normalization(g, x, .name = "bn", .reuse = VS_REUSE, .training = true);
    assert_int_equal(ntrainable(g), 2);
    assert_int_equal(nvars(g), 4);
    assert_string_equal(tn(vs_batch_normalization(g, PH(g, -1, 8, 8, 16))),
                        "batch_normalization/FusedBatchNormV3:0");
    assert_string_equal(tn(vs_batch_normalization(g, PH(g, -1, 16))),
                        "batch_normalization_1/batchnorm/add_1:0");
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_batch_normalization(g, x, .axis = 3));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_batch_normalization(g, PH(g, 5, -1)));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_batch_normalization(g, vs_placeholder(g, VS_FLOAT32, NULL)));
    EXPECT_NO_ERROR();
}

/* ---- contrib fully_connected ------------------------------------------ */

/* mirrors contrib/layers/python/layers/layers_test.py
 * FCTest.testCreateFCWithScope (op fc1/Relu) and
 * testCreateFcCreatesWeightsAndBiasesVars (fc1/weights, fc1/biases) */
static void test_fully_connected_names(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 4);
    assert_string_equal(tn(vs_fully_connected(g, x, 7, .scope = "fc1")), "fc1/Relu:0");
    assert_string_equal(repr(var_at(g, 0)),
                        "<tf.Variable 'fc1/weights:0' shape=(4, 7) dtype=float32_ref>");
    assert_string_equal(repr(var_at(g, 1)),
                        "<tf.Variable 'fc1/biases:0' shape=(7,) dtype=float32_ref>");
    assert_int_equal(vs_get_collection(g, VS_MODEL_VARIABLES)->len, 2);
    /* mirrors FCTest.testCreateFCWithoutActivation: fully_connected/BiasAdd */
    assert_string_equal(tn(vs_fully_connected(g, x, 7, .activation = VS_ACT_NONE)),
                        "fully_connected/BiasAdd:0");
    EXPECT_NO_ERROR();
}

/* mirrors layers_test.py FCTest.testReuseVars (scope='fc1' twice, the
 * second with reuse=True: still 2 variables) and testNonReuseVars (no
 * scope: 2 then 4 under 'fully_connected', get_variables being a prefix
 * match like get_collection's scope) */
static void test_fully_connected_reuse(void **state)
{
    FX;
    vs_tensor *x = PH(g, 5, 4);
    vs_fully_connected(g, x, 7, .scope = "fc1");
    vs_fully_connected(g, x, 7, .scope = "fc1", .reuse = VS_REUSE);
    assert_int_equal(vs_get_collection(g, VS_GLOBAL_VARIABLES, .scope = "fc1")->len, 2);
    EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_fully_connected(g, x, 7, .scope = "fc1"));
    vs_fully_connected(g, x, 7);
    assert_int_equal(vs_get_collection(g, VS_GLOBAL_VARIABLES, .scope = "fully_connected")->len, 2);
    vs_fully_connected(g, x, 7);
    assert_int_equal(vs_get_collection(g, VS_GLOBAL_VARIABLES, .scope = "fully_connected")->len, 4);
    assert_string_equal(vn(var_at(g, 4)), "fully_connected_1/weights:0");
    /* variable_scope(None, default_name, reuse=True): TF's ValueError */
    EXPECT_FAIL(VS_ERR_REUSE_WITHOUT_NAME, vs_fully_connected(g, x, 7, .reuse = VS_REUSE));
    EXPECT_NO_ERROR();
}

/* ---- argument checks and atomicity ------------------------------------ */

/* mirrors the api: invalid arguments are invalid-argument, an empty name
 * invalid-name; a failed functional call leaves no trace, so the same
 * call made right gets the names the failed one would have */
static void test_failed_layer_calls_leave_no_trace(void **state)
{
    FX;
    vs_tensor *x = PH(g, -1, 7, 7, 3);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_conv2d(g, x, 0, 3, 3));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_conv2d(g, x, 4, 3, 3, .strides = {2, 2}, .dilation_rate = {2, 2}));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_conv2d(g, x, 4, 3, 3, .name = ""));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_layer_apply(g, vs_basic_lstm_cell(g, 3), x));
    vs_tensor *small = PH(g, -1, 2, 2, 3);
    char *before = fingerprint(g);
    vs_conv2d(g, small, 4, 3, 3);   /* negative size, after the weights */
    assert_int_equal(f->r.count, 1);
    rec_clear(&f->r);
    ASSERT_FINGERPRINT_UNCHANGED(before, g);
    free(before);
    assert_string_equal(tn(vs_conv2d(g, x, 4, 3, 3)), "conv2d/BiasAdd:0");
    assert_string_equal(vs_layer_name(vs_dense_layer(g, 1)), "dense_1");
    EXPECT_NO_ERROR();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_dense_object_call),
        FX_TEST(test_dense_no_bias_not_trainable),
        FX_TEST(test_dense_rank3),
        FX_TEST(test_dense_on_placeholders),
        FX_TEST(test_dense_activation_names),
        FX_TEST(test_functional_dense_twice),
        FX_TEST(test_functional_dense_name_reuse),
        FX_TEST(test_functional_dense_reuse_without_name),
        FX_TEST(test_functional_dense_in_scope),
        FX_TEST(test_layer_object_called_twice_shares),
        FX_TEST(test_scope_naming),
        FX_TEST(test_layer_names_one_based),
        FX_TEST(test_same_name_objects_collide_across_entries),
        FX_TEST(test_built_layer_checks_width),
        FX_TEST(test_dense_int_input),
        FX_TEST(test_conv2d_create),
        FX_TEST(test_conv2d_padding_strides),
        FX_TEST(test_conv2d_input_checks),
        FX_TEST(test_conv2d_functional_reuse),
        FX_TEST(test_dense_after_conv_and_flatten),
        FX_TEST(test_max_pooling2d),
        FX_TEST(test_flatten_shapes),
        FX_TEST(test_dropout),
        FX_TEST(test_weightless_layer_objects_called_twice),
        FX_TEST(test_batch_norm_create),
        FX_TEST(test_batch_norm_center_scale),
        FX_TEST(test_batch_norm_functional),
        FX_TEST(test_fully_connected_names),
        FX_TEST(test_fully_connected_reuse),
        FX_TEST(test_failed_layer_calls_leave_no_trace),
    };
    return cmocka_run_group_tests_name("layers", tests, NULL, NULL);
}
