/* tf.layers.dense: vs_dense (docs/tf-semantics.md §6, the notebook In[5]). */
#include "helpers.h"

#define X3(g, nm) vs_placeholder((g), VS_FLOAT32, VS_SHAPE(-1, 3), .name = (nm))

/* mirrors docs/tf-semantics.md §6 (default name "dense" made unique per §5 (by default name))
 * and §5 (two Dense layers inside one entry of myscope get
 * myscope/dense and myscope/dense_1) */
static void test_default_scopes_in_one_entry(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    assert_string_equal(tn(vs_dense(g, x, 2)), "dense/BiasAdd:0");
    assert_string_equal(tn(vs_dense(g, x, 2)), "dense_1/BiasAdd:0");
    VS_VARIABLE_SCOPE(g, "myscope") {
        assert_string_equal(tn(vs_dense(g, x, 2)), "myscope/dense/BiasAdd:0");
        assert_string_equal(tn(vs_dense(g, x, 2)), "myscope/dense_1/BiasAdd:0");
    }
    assert_int_equal(nvars(g), 8);
    assert_string_equal(vn(var_at(g, 0)), "dense/kernel:0");
    assert_string_equal(vn(var_at(g, 1)), "dense/bias:0");
    assert_string_equal(vn(var_at(g, 2)), "dense_1/kernel:0");
    assert_string_equal(vn(var_at(g, 3)), "dense_1/bias:0");
    assert_string_equal(vn(var_at(g, 4)), "myscope/dense/kernel:0");
    assert_string_equal(vn(var_at(g, 7)), "myscope/dense_1/bias:0");
    EXPECT_NO_ERROR();
}

/* mirrors the notebook In[5] (fixtures/seed/in5_dense_sharing.c; docs/tf-semantics.md §5, §6) */
static void test_seed_in5_sharing(void **state)
{
    FX;
    vs_tensor *x1 = X3(g, "x1"), *x2 = X3(g, "x2");
    vs_tensor *h11 = NULL, *h12 = NULL;
    VS_VARIABLE_SCOPE(g, "myscope") { h11 = vs_dense(g, x1, 2); }
    VS_VARIABLE_SCOPE(g, "myscope", .reuse = VS_REUSE) { h12 = vs_dense(g, x2, 2); }
    assert_string_equal(tn(h11), "myscope/dense/BiasAdd:0");
    assert_string_equal(tn(h12), "myscope_1/dense/BiasAdd:0");
    assert_int_equal(nvars(g), 2);
    vs_var *kernel = var_at(g, 0), *bias = var_at(g, 1);
    assert_string_equal(repr(kernel),
                        "<tf.Variable 'myscope/dense/kernel:0' shape=(3, 2) dtype=float32_ref>");
    assert_string_equal(repr(bias),
                        "<tf.Variable 'myscope/dense/bias:0' shape=(2,) dtype=float32_ref>");
    /* the very same variable objects are what a reusing scope hands out */
    VS_VARIABLE_SCOPE(g, "myscope", .reuse = VS_REUSE) {
        assert_ptr_equal(vs_get_variable(g, "dense/kernel"), kernel);
        assert_ptr_equal(vs_get_variable(g, "dense/bias"), bias);
    }
    assert_int_equal(vs_tensor_dtype(h12), VS_FLOAT32);
    assert_int_equal(vs_tensor_shape(h12)->rank, 2);
    assert_int_equal(vs_tensor_shape(h12)->dims[0], -1);
    assert_int_equal(vs_tensor_shape(h12)->dims[1], 2);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5-§6 (without reuse=True the second kernel
 * lookup raises "Variable myscope/dense/kernel already exists...") and the
 * docs/varscope.md "Conventions" (a failing call leaves the graph exactly
 * as it was, counters included) */
static void test_without_reuse_duplicate_leaves_no_trace(void **state)
{
    FX;
    vs_tensor *x1 = X3(g, "x1"), *x2 = X3(g, "x2");
    VS_VARIABLE_SCOPE(g, "myscope") { vs_dense(g, x1, 2); }
    VS_VARIABLE_SCOPE_AS(s, g, "myscope") {
        char *before = fingerprint(g);
        assert_null(vs_dense(g, x2, 2));
        assert_int_equal(f->r.count, 1);
        assert_int_equal(f->r.e[0].code, VS_ERR_DUPLICATE_VARIABLE);
        assert_true(starts_with(f->r.e[0].message,
                                "Variable myscope/dense/kernel already exists, disallowed. "
                                "Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in "
                                "VarScope?"));
        rec_clear(&f->r);
        ASSERT_FINGERPRINT_UNCHANGED(before, g);
        free(before);
        assert_int_equal(nvars(g), 2);
        /* the same layer again, now sharing: it must get the names the
         * failed call would have got (no counter, no name scope used) */
        vs_reuse_variables(s);
        assert_string_equal(tn(vs_dense(g, x2, 2)), "myscope_1/dense/BiasAdd:0");
        assert_int_equal(nvars(g), 2);
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5-§6 (with reuse=tf.AUTO_REUSE it shares) and
 * §6 (default names stay unique within one entry, AUTO_REUSE or not) */
static void test_auto_reuse_shares(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    VS_VARIABLE_SCOPE(g, "m", .reuse = VS_AUTO_REUSE) {
        assert_string_equal(tn(vs_dense(g, x, 2)), "m/dense/BiasAdd:0");
    }
    VS_VARIABLE_SCOPE(g, "m", .reuse = VS_AUTO_REUSE) {
        assert_string_equal(tn(vs_dense(g, x, 2)), "m_1/dense/BiasAdd:0");
    }
    assert_int_equal(nvars(g), 2);
    VS_VARIABLE_SCOPE(g, "n", .reuse = VS_AUTO_REUSE) {
        assert_string_equal(tn(vs_dense(g, x, 2)), "n/dense/BiasAdd:0");
        assert_string_equal(tn(vs_dense(g, x, 2)), "n/dense_1/BiasAdd:0");
    }
    assert_int_equal(nvars(g), 6);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §6 (functional dense with name=N enters
 * variable_scope(N) by string: not made unique, its name scope is) and
 * core_test.py testCall (my_dense/kernel:0, my_dense/bias:0) */
static void test_name(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    assert_string_equal(tn(vs_dense(g, x, 4, .name = "my_dense")), "my_dense/BiasAdd:0");
    assert_string_equal(repr(var_at(g, 0)),
                        "<tf.Variable 'my_dense/kernel:0' shape=(3, 4) dtype=float32_ref>");
    assert_string_equal(repr(var_at(g, 1)),
                        "<tf.Variable 'my_dense/bias:0' shape=(4,) dtype=float32_ref>");
    EXPECT_NO_ERROR();
    EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_dense(g, x, 4, .name = "my_dense"));
    VS_VARIABLE_SCOPE(g, "m", .reuse = VS_AUTO_REUSE) {
        assert_string_equal(tn(vs_dense(g, x, 4, .name = "fc")), "m/fc/BiasAdd:0");
        assert_string_equal(tn(vs_dense(g, x, 4, .name = "fc")), "m/fc_1/BiasAdd:0");
    }
    assert_int_equal(nvars(g), 4);
    assert_string_equal(vn(var_at(g, 2)), "m/fc/kernel:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §6 (use_bias=False: no bias, the output is the
 * MatMul) */
static void test_no_bias(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    assert_string_equal(tn(vs_dense(g, x, 2, .no_bias = true)), "dense/MatMul:0");
    assert_int_equal(nvars(g), 1);
    assert_string_equal(vn(var_at(g, 0)), "dense/kernel:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §6 (rank > 2 uses <ns>Tensordot; math_ops
 * tensordot names its result after its "Tensordot" scope) */
static void test_rank3_input(void **state)
{
    FX;
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(2, -1, 3));
    vs_tensor *y = vs_dense(g, x, 5, .no_bias = true);
    assert_string_equal(tn(y), "dense/Tensordot:0");
    assert_int_equal(vs_tensor_shape(y)->rank, 3);
    assert_int_equal(vs_tensor_shape(y)->dims[2], 5);
    assert_string_equal(repr(var_at(g, 0)),
                        "<tf.Variable 'dense/kernel:0' shape=(3, 5) dtype=float32_ref>");
    assert_string_equal(tn(vs_dense(g, x, 5)), "dense_1/BiasAdd:0");
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarScopeGetVar ("shape" on sharing
 * with another shape): the kernel is [in, units] */
static void test_shape_mismatch_under_reuse(void **state)
{
    FX;
    vs_tensor *x3 = X3(g, "x3");
    vs_tensor *x4 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4), .name = "x4");
    VS_VARIABLE_SCOPE(g, "m") { vs_dense(g, x3, 2); }
    VS_VARIABLE_SCOPE(g, "m", .reuse = VS_REUSE) {
        EXPECT_NO_ERROR();
        EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_dense(g, x4, 2));
        EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_dense(g, x3, 3));
    }
    assert_int_equal(nvars(g), 2);
}

/* mirrors api: "invalid-argument: ... bad units" */
static void test_bad_units(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dense(g, x, 0));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dense(g, x, -1));
    assert_int_equal(nvars(g), 0);
}

/* mirrors api: NULL arguments are invalid-argument */
static void test_null_input(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dense(g, NULL, 2));
    assert_int_equal(nvars(g), 0);
}

/* mirrors keras core.py Dense.build ("Unable to build `Dense` layer with
 * non-floating point dtype") */
static void test_int32_input(void **state)
{
    FX;
    vs_tensor *x = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, 3));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dense(g, x, 2));
    vs_tensor *b = vs_placeholder(g, VS_BOOL, VS_SHAPE(-1, 3));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dense(g, b, 2));
    assert_int_equal(nvars(g), 0);
}

/* mirrors keras core.py Dense.build / docs/tf-semantics.md §6 ("The last
 * dimension of the inputs to `Dense` should be defined. Found `None`.") */
static void test_unknown_last_dim(void **state)
{
    FX;
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, -1));
    vs_tensor *u = vs_placeholder(g, VS_FLOAT32, NULL);
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_dense(g, x, 2));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_dense(g, u, 2));
    assert_int_equal(nvars(g), 0);
}

/* mirrors keras Dense input_spec (InputSpec(min_ndim=2)) */
static void test_rank1_input(void **state)
{
    FX;
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(3));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dense(g, x, 2));
    assert_int_equal(nvars(g), 0);
}

/* mirrors docs/tf-semantics.md §6: kernel [in_dim, units], bias [units], dtype
 * = the layer's dtype = the input's */
static void test_kernel_and_bias_shapes(void **state)
{
    FX;
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 5));
    vs_tensor *y = vs_dense(g, x, 7);
    assert_string_equal(repr(var_at(g, 0)),
                        "<tf.Variable 'dense/kernel:0' shape=(5, 7) dtype=float32_ref>");
    assert_string_equal(repr(var_at(g, 1)),
                        "<tf.Variable 'dense/bias:0' shape=(7,) dtype=float32_ref>");
    assert_int_equal(vs_tensor_shape(y)->dims[1], 7);
    vs_tensor *d = vs_placeholder(g, VS_FLOAT64, VS_SHAPE(4, 2));
    vs_tensor *z = vs_dense(g, d, 3);
    assert_string_equal(repr(var_at(g, 2)),
                        "<tf.Variable 'dense_1/kernel:0' shape=(2, 3) dtype=float64_ref>");
    assert_string_equal(repr(var_at(g, 3)),
                        "<tf.Variable 'dense_1/bias:0' shape=(3,) dtype=float64_ref>");
    assert_int_equal(vs_tensor_dtype(z), VS_FLOAT64);
    assert_int_equal(vs_tensor_shape(z)->dims[0], 4);
    assert_int_equal(vs_tensor_shape(z)->dims[1], 3);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (by default name) and §6 (variables by variable scope,
 * ops by the captured name scope; the two are made unique independently,
 * cf. base_test.py testScopeNaming) */
static void test_inside_name_scope(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    VS_NAME_SCOPE(g, "ns") {
        assert_string_equal(tn(vs_dense(g, x, 2)), "ns/dense/BiasAdd:0");
    }
    assert_string_equal(vn(var_at(g, 0)), "dense/kernel:0");
    VS_NAME_SCOPE(g, "dense") {}   /* "dense" is now used at the root */
    vs_tensor *y = vs_dense(g, x, 2);
    assert_string_equal(tn(y), "dense_1/BiasAdd:0");
    assert_string_equal(vn(var_at(g, 2)), "dense_1/kernel:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (by default name): the variable-scope counter and the name
 * scope are independent: a used name scope "dense" does not move the
 * variable scope */
static void test_user_name_scope_does_not_move_variables(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    VS_NAME_SCOPE(g, "dense") {}
    assert_string_equal(tn(vs_dense(g, x, 2)), "dense_1/BiasAdd:0");
    assert_string_equal(vn(var_at(g, 0)), "dense/kernel:0");
    EXPECT_NO_ERROR();
}

/* mirrors api ("Atomic like every call: when it fails, nothing it did
 * stays (counters included)") */
static void test_failure_does_not_consume_counters(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    vs_tensor *xi = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, 3));
    char *before = fingerprint(g);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dense(g, xi, 2));
    ASSERT_FINGERPRINT_UNCHANGED(before, g);
    free(before);
    assert_string_equal(tn(vs_dense(g, x, 2)), "dense/BiasAdd:0");
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_dense(g, vs_placeholder(g, VS_FLOAT32, NULL), 2));
    assert_string_equal(tn(vs_dense(g, x, 2)), "dense_1/BiasAdd:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1 via §5 (the layer's scope name goes through
 * name_scope validation) */
static void test_invalid_name(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_dense(g, x, 2, .name = "bad name"));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_dense(g, x, 2, .name = "_d"));
    assert_int_equal(nvars(g), 0);
}

/* mirrors include/varscope.h and docs/varscope.md: vs_dense_at(g, input, units, &opts, file, line),
 * NULL options meaning all defaults */
static void test_dense_at_forms(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    assert_string_equal(tn(vs_dense_at(g, x, 2, NULL, __FILE__, __LINE__)), "dense/BiasAdd:0");
    vs_dense_opts o = {.name = "fc", .no_bias = true};
    assert_string_equal(tn(vs_dense_at(g, x, 2, &o, __FILE__, __LINE__)), "fc/MatMul:0");
    assert_int_equal(nvars(g), 3);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §5 (an object entry restores the counter
 * snapshot on exit, so each re-entry of o hands out o/dense again) and
 * §5 (each object re-entry opens o_1/, o_2/ as name scope) */
static void test_object_reentry_restarts_numbering(void **state)
{
    FX;
    vs_tensor *x = X3(g, "x");
    vs_scope *o = NULL;
    VS_VARIABLE_SCOPE_AS(s, g, "o") { o = s; }
    VS_VARIABLE_SCOPE_REENTER(g, o) {
        assert_string_equal(tn(vs_dense(g, x, 2)), "o_1/dense/BiasAdd:0");
    }
    VS_VARIABLE_SCOPE_REENTER(g, o) {
        EXPECT_NO_ERROR();
        EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_dense(g, x, 2));
    }
    VS_VARIABLE_SCOPE_REENTER(g, o, .reuse = VS_REUSE) {
        assert_string_equal(tn(vs_dense(g, x, 2)), "o_3/dense/BiasAdd:0");
    }
    assert_int_equal(nvars(g), 2);
    assert_string_equal(vn(var_at(g, 0)), "o/dense/kernel:0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_default_scopes_in_one_entry),
        FX_TEST(test_seed_in5_sharing),
        FX_TEST(test_without_reuse_duplicate_leaves_no_trace),
        FX_TEST(test_auto_reuse_shares),
        FX_TEST(test_name),
        FX_TEST(test_no_bias),
        FX_TEST(test_rank3_input),
        FX_TEST(test_shape_mismatch_under_reuse),
        FX_TEST(test_bad_units),
        FX_TEST(test_null_input),
        FX_TEST(test_int32_input),
        FX_TEST(test_unknown_last_dim),
        FX_TEST(test_rank1_input),
        FX_TEST(test_kernel_and_bias_shapes),
        FX_TEST(test_inside_name_scope),
        FX_TEST(test_user_name_scope_does_not_move_variables),
        FX_TEST(test_failure_does_not_consume_counters),
        FX_TEST(test_invalid_name),
        FX_TEST(test_dense_at_forms),
        FX_TEST(test_object_reentry_restarts_numbering),
    };
    return cmocka_run_group_tests_name("dense", tests, NULL, NULL);
}
