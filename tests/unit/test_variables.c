/* tf.Variable: vs_variable (docs/tf-semantics.md §3, §4 step 8, the notebook In[2]/In[7]). */
#include "helpers.h"

/* mirrors docs/tf-semantics.md §3: the default name is "Variable", made unique */
static void test_default_name_is_variable(void **state)
{
    FX;
    vs_tensor *c = vs_scalar_f32(g, 1.0f);
    assert_string_equal(vn(vs_variable(g, c)), "Variable:0");
    assert_string_equal(vn(vs_variable(g, c)), "Variable_1:0");
    EXPECT_NO_ERROR();
}

/* mirrors the notebook In[2] (and fixtures/seed/in2_variable_renamed.c) */
static void test_renamed_on_clash_seed_in2(void **state)
{
    FX;
    vs_var *x1 = vs_variable(g, vs_scalar_i32(g, 1), .name = "x");
    vs_var *x2 = vs_variable(g, vs_scalar_i32(g, 2), .name = "x");
    vs_var *x3 = vs_variable(g, vs_scalar_i32(g, 3));
    assert_string_equal(repr(x1), "<tf.Variable 'x:0' shape=() dtype=int32_ref>");
    assert_string_equal(repr(x2), "<tf.Variable 'x_1:0' shape=() dtype=int32_ref>");
    assert_string_equal(repr(x3),
                        "<tf.Variable 'Variable:0' shape=() dtype=int32_ref>");
    assert_int_equal(nvars(g), 3);
    assert_ptr_equal(var_at(g, 0), x1);
    assert_ptr_equal(var_at(g, 2), x3);
    EXPECT_NO_ERROR();
}

/* mirrors the notebook In[7] (fixtures/seed/in7_name_scope_twice.c) */
static void test_prefixed_by_name_scope_seed_in7(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "my_scope") {
        vs_var *v2 = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2",
                                 .dtype = VS_FLOAT32);
        assert_string_equal(vn(v2), "my_scope/var2:0");
    }
    VS_NAME_SCOPE(g, "my_scope") {
        vs_var *v2 = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2",
                                 .dtype = VS_FLOAT32);
        assert_string_equal(vn(v2), "my_scope_1/var2:0");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §3 (the variable scope name and reuse are ignored,
 * but a tf.variable_scope("v") contributes through its auxiliary name
 * scope, §5) */
static void test_follows_auxiliary_name_scope_not_variable_scope(void **state)
{
    FX;
    vs_tensor *c = vs_scalar_f32(g, 1.0f);
    VS_VARIABLE_SCOPE(g, "vs") {
        assert_string_equal(vn(vs_variable(g, c, .name = "v")), "vs/v:0");
    }
    VS_VARIABLE_SCOPE(g, "vs") {   /* same variable scope, name scope vs_1 */
        assert_string_equal(vn(vs_variable(g, c, .name = "v")), "vs_1/v:0");
    }
    VS_NAME_SCOPE(g, "ns") {
        VS_VARIABLE_SCOPE(g, "inner") {
            assert_string_equal(vn(vs_variable(g, c, .name = "v")),
                                "ns/inner/v:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testBasicWhenAuxiliaryNameScopeIsFalse
 * (ops keep the outer prefix; tf.Variable names like ops) */
static void test_without_auxiliary_name_scope_keeps_outer_prefix(void **state)
{
    FX;
    vs_tensor *c = vs_scalar_f32(g, 1.0f);
    VS_VARIABLE_SCOPE(g, "s", .no_name_scope = true) {
        assert_string_equal(vn(vs_variable(g, c, .name = "v")), "v:0");
    }
    VS_VARIABLE_SCOPE(g, "outer") {
        VS_VARIABLE_SCOPE(g, "inner", .no_name_scope = true) {
            assert_string_equal(vn(vs_variable(g, c, .name = "v")),
                                "outer/v:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §3 (always a new variable, reuse ignored) */
static void test_ignores_reuse(void **state)
{
    FX;
    vs_tensor *c = vs_scalar_f32(g, 1.0f);
    VS_VARIABLE_SCOPE(g, "r", .reuse = VS_REUSE) {
        vs_var *a = vs_variable(g, c, .name = "v");
        vs_var *b = vs_variable(g, c, .name = "v");
        assert_string_equal(vn(a), "r/v:0");
        assert_string_equal(vn(b), "r/v_1:0");
        assert_ptr_not_equal(a, b);
    }
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §4 step 8: tf.Variable(name="v") then
 * tf.get_variable("v", [1]) -> v_1:0, and a later reusing get_variable("v")
 * returns that v_1:0 object (the store key stays "v") */
static void test_never_in_store_get_variable_creates_separate(void **state)
{
    FX;
    vs_var *tv = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "v");
    vs_var *gv = vs_get_variable(g, "v", .shape = VS_SHAPE(1));
    assert_string_equal(vn(tv), "v:0");
    assert_string_equal(vn(gv), "v_1:0");
    assert_ptr_not_equal(tv, gv);
    assert_int_equal(nvars(g), 2);
    vs_reuse_variables(vs_get_variable_scope(g));
    assert_ptr_equal(vs_get_variable(g, "v"), gv);
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §3 (tf.get_variable can neither reuse it nor see
 * it: the "...or was not created with tf.get_variable()" error) */
static void test_get_variable_cannot_reuse_it(void **state)
{
    FX;
    vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "w");
    VS_VARIABLE_SCOPE(g, "s") {
        vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "w");   /* s/w:0 */
    }
    vs_reuse_variables(vs_get_variable_scope(g));
    EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "w"));
    VS_VARIABLE_SCOPE(g, "s") {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "w"));
    }
    assert_int_equal(nvars(g), 2);
}

/* mirrors docs/tf-semantics.md §3 (explicit dtype converts the value; a tensor of
 * another dtype cannot be converted) and api: "vs_variable .dtype != its
 * value's" is initializer-mismatch */
static void test_dtype_mismatch_is_initializer_mismatch(void **state)
{
    FX;
    vs_tensor *i = vs_scalar_i32(g, 1);
    vs_tensor *fl = vs_scalar_f32(g, 1.0f);
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_variable(g, i, .name = "x", .dtype = VS_FLOAT32));
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_variable(g, fl, .dtype = VS_FLOAT64));
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_variable(g, fl, .dtype = VS_INT32));
    assert_int_equal(nvars(g), 0);
}

/* mirrors docs/tf-semantics.md §3 (dtype inferred from the value; an explicit
 * equal dtype is fine) */
static void test_dtype_and_shape_from_value(void **state)
{
    FX;
    vs_var *a = vs_variable(g, vs_scalar_i32(g, 1), .dtype = VS_INT32);
    vs_var *b = vs_variable(
        g, vs_constant_f32(g, 3, ((const float[]){1.0f, 2.0f, 3.0f})));
    vs_var *c = vs_variable(
        g, vs_placeholder(g, VS_FLOAT64, VS_SHAPE(2, 3)), .name = "p");
    assert_string_equal(repr(a),
                        "<tf.Variable 'Variable:0' shape=() dtype=int32_ref>");
    assert_string_equal(repr(b),
                        "<tf.Variable 'Variable_1:0' shape=(3,) dtype=float32_ref>");
    assert_string_equal(repr(c),
                        "<tf.Variable 'p:0' shape=(2, 3) dtype=float64_ref>");
    assert_int_equal(vs_var_dtype(c), VS_FLOAT64);
    assert_int_equal(vs_var_shape(c)->rank, 2);
    assert_int_equal(vs_var_shape(c)->dims[1], 3);
    EXPECT_NO_ERROR();
}

/* mirrors variables.py RefVariable ("initial_value must have a shape
 * specified", docs/tf-semantics.md §3) */
static void test_value_with_unknown_shape_is_undefined_shape(void **state)
{
    FX;
    vs_tensor *p = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3));
    vs_tensor *u = vs_placeholder(g, VS_FLOAT32, NULL);   /* unknown rank */
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_variable(g, p));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_variable(g, u, .name = "u"));
    assert_int_equal(nvars(g), 0);
}

/* mirrors docs/tf-semantics.md §3 (initial_value=None: TF raises "initial_value
 * must be specified."; variables.py, RefVariable._init_from_args) */
static void test_null_value_is_invalid_argument(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_variable(g, NULL));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_variable(g, NULL, .name = "x"));
    assert_int_equal(nvars(g), 0);
}

/* mirrors docs/tf-semantics.md §1 (tf.Variable(name=N) checks N as a
 * scope name relative to the current scope) */
static void test_name_validated_as_scope_name(void **state)
{
    FX;
    vs_tensor *c = vs_scalar_f32(g, 1.0f);
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable(g, c, .name = "bad name"));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable(g, c, .name = "x:0"));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable(g, c, .name = "_x"));
    VS_NAME_SCOPE(g, "s") {
        assert_string_equal(vn(vs_variable(g, c, .name = "_x")), "s/_x:0");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §2 + §1: name "" is not None, so name_scope("")
 * resets to root and the variable op gets the empty (invalid) node name */
static void test_empty_name_is_invalid(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable(g, vs_scalar_f32(g, 1.0f), .name = ""));
    assert_int_equal(nvars(g), 0);
}

/* mirrors variables.py RefVariable: snapshot = identity(name="read") in
 * the variable's name scope (docs/tf-semantics.md §3 auxiliary ops) */
static void test_value_is_the_read_tensor(void **state)
{
    FX;
    vs_var *x = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "x");
    VS_NAME_SCOPE(g, "s") {
        vs_var *y = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "y");
        assert_string_equal(tn(vs_value(y)), "s/y/read:0");
    }
    assert_string_equal(tn(vs_value(x)), "x/read:0");
    assert_int_equal(vs_tensor_dtype(vs_value(x)), VS_FLOAT32);
    assert_int_equal(vs_tensor_shape(vs_value(x))->rank, 0);
    /* a variable made from another's value */
    vs_var *z = vs_variable(g, vs_value(x), .name = "z");
    assert_string_equal(repr(z), "<tf.Variable 'z:0' shape=() dtype=float32_ref>");
    EXPECT_NO_ERROR();
}

/* mirrors api: vs_var_repr is "like snprintf" */
static void test_repr_is_like_snprintf(void **state)
{
    FX;
    vs_var *x = vs_variable(g, vs_scalar_i32(g, 1), .name = "x");
    const char *want = "<tf.Variable 'x:0' shape=() dtype=int32_ref>";
    char small[10];
    assert_int_equal(vs_var_repr(x, NULL, 0), (int)strlen(want));
    assert_int_equal(vs_var_repr(x, small, sizeof small), (int)strlen(want));
    assert_string_equal(small, "<tf.Varia");   /* 9 chars + NUL */
    EXPECT_NO_ERROR();
}

/* mirrors TF's DType.name (the api's "int32"), as printed in reprs */
static void test_dtype_names(void **state)
{
    (void)state;
    assert_string_equal(vs_dtype_name(VS_FLOAT32), "float32");
    assert_string_equal(vs_dtype_name(VS_FLOAT64), "float64");
    assert_string_equal(vs_dtype_name(VS_INT32), "int32");
    assert_string_equal(vs_dtype_name(VS_INT64), "int64");
    assert_string_equal(vs_dtype_name(VS_BOOL), "bool");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_default_name_is_variable),
        FX_TEST(test_renamed_on_clash_seed_in2),
        FX_TEST(test_prefixed_by_name_scope_seed_in7),
        FX_TEST(test_follows_auxiliary_name_scope_not_variable_scope),
        FX_TEST(test_without_auxiliary_name_scope_keeps_outer_prefix),
        FX_TEST(test_ignores_reuse),
        FX_TEST(test_never_in_store_get_variable_creates_separate),
        FX_TEST(test_get_variable_cannot_reuse_it),
        FX_TEST(test_dtype_mismatch_is_initializer_mismatch),
        FX_TEST(test_dtype_and_shape_from_value),
        FX_TEST(test_value_with_unknown_shape_is_undefined_shape),
        FX_TEST(test_null_value_is_invalid_argument),
        FX_TEST(test_name_validated_as_scope_name),
        FX_TEST(test_empty_name_is_invalid),
        FX_TEST(test_value_is_the_read_tensor),
        FX_TEST(test_repr_is_like_snprintf),
        FX_TEST(test_dtype_names),
    };
    return cmocka_run_group_tests_name("variables", tests, NULL, NULL);
}
